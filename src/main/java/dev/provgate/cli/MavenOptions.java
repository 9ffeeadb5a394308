// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.lockfile.maven.MavenResolutionSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How pom.xml files are resolved: the Maven repositories to read and whether the network may be used. */
public final class MavenOptions {
    @Option(names = "--maven-repo", paramLabel = "URL",
            description = "Maven repository to resolve pom.xml files from; it replaces (mirrors) every repository "
                    + "the POMs declare. Default: the POMs' repositories and Maven's central.")
    String remoteRepository;

    @Option(names = "--maven-local", paramLabel = "DIR",
            description = "Local Maven repository. Default: localRepository of ~/.m2/settings.xml, else "
                    + "~/.m2/repository.")
    Path localRepository;

    @Option(names = "--offline",
            description = "Use no network: pom.xml resolution reads the local Maven repository only.")
    boolean offline;

    public MavenResolutionSettings settings() {
        MavenResolutionSettings defaults = MavenResolutionSettings.fromEnvironment();
        return new MavenResolutionSettings(localRepository != null ? localRepository : defaults.localRepository(),
                remoteRepository, offline || defaults.offline(), defaults.mirrors());
    }
}
