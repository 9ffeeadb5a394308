// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.Locale;
import java.util.Optional;

/** Digest algorithms found in lockfiles, named as CycloneDX names them. */
public enum HashAlgorithm {
    MD5("MD5", "MD5", 16),
    SHA1("SHA-1", "SHA-1", 20),
    SHA256("SHA-256", "SHA-256", 32),
    SHA384("SHA-384", "SHA-384", 48),
    SHA512("SHA-512", "SHA-512", 64);

    private final String cyclonedxName;
    private final String jcaName;
    private final int length;

    HashAlgorithm(String cyclonedxName, String jcaName, int length) {
        this.cyclonedxName = cyclonedxName;
        this.jcaName = jcaName;
        this.length = length;
    }

    public String cyclonedxName() {
        return cyclonedxName;
    }

    public String jcaName() {
        return jcaName;
    }

    /** Digest length in bytes. */
    public int length() {
        return length;
    }

    /** Accepts the spellings lockfiles use: sha256, SHA-256, sha-256, SHA256. */
    public static Optional<HashAlgorithm> parse(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (HashAlgorithm a : values()) {
            if (a.name().equals(n)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
