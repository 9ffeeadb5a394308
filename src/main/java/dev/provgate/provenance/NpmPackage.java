// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import java.util.Objects;

/**
 * An npm package version whose attestations or registry signatures are checked.
 *
 * @param name     the package name, scoped or not ({@code @playwright/cli})
 * @param version  the exact version
 * @param registry the registry base URL the publish attestation must name, or empty to skip that comparison (it
 *                 comes from the lockfile's resolved URL or the user's configuration)
 */
public record NpmPackage(String name, String version, String registry) {
    public NpmPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        registry = registry == null ? "" : registry;
    }

    public NpmPackage(String name, String version) {
        this(name, version, "");
    }

    /** The in-toto subject name npm writes: {@code pkg:npm/%40scope/name@version}. */
    public String subjectName() {
        String encoded = name.startsWith("@") ? "%40" + name.substring(1) : name;
        return "pkg:npm/" + encoded + "@" + version;
    }

    /** The string a registry signature covers: {@code name@version:integrity}. */
    String signedMessage(String integrity) {
        return name + "@" + version + ":" + integrity;
    }
}
