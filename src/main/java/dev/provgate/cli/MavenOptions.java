// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.lockfile.maven.MavenResolutionSettings;
import dev.provgate.lockfile.maven.PomParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How pom.xml files are resolved: the Maven repositories to read and whether the network may be used. */
public final class MavenOptions {
    @Option(names = "--maven-repo", paramLabel = "URL",
            description = "Maven repository (a mirror of every repository the POMs declare) for pom.xml resolution "
                    + "and for fetching signatures. Default: the POMs' repositories and Maven's central.")
    String remoteRepository;

    @Option(names = "--maven-local", paramLabel = "DIR",
            description = "Local Maven repository. Default: localRepository of ~/.m2/settings.xml, else "
                    + "~/.m2/repository.")
    Path localRepository;

    @Option(names = "--offline",
            description = "No network at all: pom.xml resolution reads the local Maven repository only; "
                    + "fetching reads only the HTTP cache.")
    boolean offline;

    private MavenResolutionSettings settings;

    /** The options over ~/.m2/settings.xml, read once per run and only when asked for. */
    public synchronized MavenResolutionSettings settings() {
        if (settings == null) {
            MavenResolutionSettings defaults = MavenResolutionSettings.fromEnvironment();
            settings = new MavenResolutionSettings(
                    localRepository != null ? localRepository : defaults.localRepository(),
                    remoteRepository, offline || defaults.offline(), defaults.mirrors());
        }
        return settings;
    }

    /** The discover stage with pom.xml resolution configured by these options. */
    public LockfileFinder finder() {
        return new LockfileFinder(PomParser.withSettings(LockfileParsers.all(), this::settings));
    }

    public InventoryReader reader() {
        return new InventoryReader(finder());
    }

    /** These options as given, in command-line form, for a command run on the user's behalf. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (remoteRepository != null) {
            args.addAll(List.of("--maven-repo", remoteRepository));
        }
        if (localRepository != null) {
            args.addAll(List.of("--maven-local", localRepository.toString()));
        }
        if (offline) {
            args.add("--offline");
        }
        return args;
    }
}
