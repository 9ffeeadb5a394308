// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where pom.xml resolution looks for artifacts.
 *
 * @param localRepository  the local repository (Maven's {@code ~/.m2/repository} by default)
 * @param remoteRepository a repository URL that replaces every remote repository (it mirrors them all), or empty
 *                         to use the repositories the POMs declare and the model builder's default central
 * @param offline          the local repository only: any artifact not already there is an input error
 */
public record MavenResolutionSettings(Path localRepository, String remoteRepository, boolean offline) {
    public MavenResolutionSettings {
        localRepository = Objects.requireNonNull(localRepository, "localRepository").toAbsolutePath().normalize();
        remoteRepository = remoteRepository == null ? "" : remoteRepository.strip();
    }

    /** Maven's defaults for the current user: {@code ~/.m2/repository}, POM repositories, online. */
    public static MavenResolutionSettings fromEnvironment() {
        return new MavenResolutionSettings(defaultLocalRepository(), "", false);
    }

    public static Path defaultLocalRepository() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
