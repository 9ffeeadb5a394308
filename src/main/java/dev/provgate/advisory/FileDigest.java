// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.util.Locale;

/**
 * The SHA-256 digest of a known-bad file (a wheel, an sdist, a jar, an installed file).
 *
 * @param ecosystem the OSV ecosystem of the package it belongs to
 * @param name      the package name
 * @param version   the version it was published as; empty when unknown
 * @param file      the file name or path; empty when unknown
 * @param sha256    lower-case hex
 */
public record FileDigest(String ecosystem, String name, String version, String file, String sha256) {
    public FileDigest {
        ecosystem = ecosystem == null ? "" : ecosystem;
        name = name == null ? "" : name;
        version = version == null ? "" : version;
        file = file == null ? "" : file;
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }

    public static boolean isSha256(String hex) {
        return hex != null && hex.length() == 64 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
