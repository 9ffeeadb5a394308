// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A digest of a locked artifact.
 *
 * @param algorithm the digest algorithm
 * @param hex       the digest, lower-case hex
 * @param fileName  the distribution file it belongs to (a wheel, an sdist, a jar) or empty when the lockfile
 *                  records one digest for the package
 */
public record Hash(HashAlgorithm algorithm, String hex, String fileName) implements Comparable<Hash> {
    public Hash {
        Objects.requireNonNull(algorithm, "algorithm");
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != algorithm.length() * 2 || !hex.chars().allMatch(Hash::isHexDigit)) {
            throw new IllegalArgumentException("not a " + algorithm.cyclonedxName() + " digest: " + hex);
        }
        fileName = fileName == null ? "" : fileName;
    }

    public Hash(HashAlgorithm algorithm, String hex) {
        this(algorithm, hex, "");
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    @Override
    public int compareTo(Hash o) {
        int c = fileName.compareTo(o.fileName);
        if (c == 0) {
            c = algorithm.compareTo(o.algorithm);
        }
        return c != 0 ? c : hex.compareTo(o.hex);
    }
}
