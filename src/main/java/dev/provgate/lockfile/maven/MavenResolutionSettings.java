// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where pom.xml resolution looks for artifacts.
 *
 * @param localRepository  the local repository (Maven's {@code ~/.m2/repository} by default)
 * @param remoteRepository a repository URL that replaces every remote repository (it mirrors them all), or empty
 *                         to use the repositories the POMs declare and the model builder's default central
 * @param offline          the local repository only: any artifact not already there is an input error
 * @param mirrors          mirrors from the user's {@code settings.xml}; {@code remoteRepository} takes precedence
 */
public record MavenResolutionSettings(Path localRepository, String remoteRepository, boolean offline,
                                      List<Mirror> mirrors) {
    public MavenResolutionSettings {
        localRepository = Objects.requireNonNull(localRepository, "localRepository").toAbsolutePath().normalize();
        remoteRepository = remoteRepository == null ? "" : remoteRepository.strip();
        mirrors = List.copyOf(mirrors);
    }

    public MavenResolutionSettings(Path localRepository, String remoteRepository, boolean offline) {
        this(localRepository, remoteRepository, offline, List.of());
    }

    /** A {@code <mirror>} of settings.xml: {@code mirrorOf} is a repository id, {@code *} or a list of them. */
    public record Mirror(String id, String url, String mirrorOf) {
    }

    /**
     * Maven's defaults for the current user: {@code ~/.m2/settings.xml} (its {@code localRepository},
     * {@code offline} and mirrors) if present, else {@code ~/.m2/repository}, the POMs' repositories, online.
     */
    public static MavenResolutionSettings fromEnvironment() {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        Path settings = m2.resolve("settings.xml");
        MavenResolutionSettings defaults = new MavenResolutionSettings(m2.resolve("repository"), "", false);
        return Files.isRegularFile(settings) ? MavenSettingsFile.read(settings, defaults) : defaults;
    }
}
