// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The digest of the artifact an attestation must cover: sha256 for Maven and PyPI, sha512 for npm tarballs.
 *
 * @param algorithm the digest algorithm
 * @param value     the raw digest bytes (copied in and out)
 */
public record ArtifactDigest(HashAlgorithm algorithm, byte[] value) {
    public ArtifactDigest {
        Objects.requireNonNull(algorithm, "algorithm");
        if (value.length != algorithm.length()) {
            throw new IllegalArgumentException("a " + algorithm.cyclonedxName() + " digest has " + algorithm.length()
                    + " bytes, not " + value.length);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    /** Constant-time comparison with digest bytes taken from an attestation or lockfile. */
    public boolean matches(HashAlgorithm otherAlgorithm, byte[] other) {
        return algorithm == otherAlgorithm && MessageDigest.isEqual(value, other);
    }

    public static ArtifactDigest ofHex(HashAlgorithm algorithm, String hex) {
        return new ArtifactDigest(algorithm, HexFormat.of().parseHex(hex));
    }

    public static ArtifactDigest of(HashAlgorithm algorithm, byte[] content) {
        return new ArtifactDigest(algorithm, newDigest(algorithm).digest(content));
    }

    /** Hashes a file in a stream, so a large jar is never held in memory. */
    public static ArtifactDigest ofFile(HashAlgorithm algorithm, Path file) throws IOException {
        MessageDigest md = newDigest(algorithm);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
        }
        return new ArtifactDigest(algorithm, md.digest());
    }

    static MessageDigest newDigest(HashAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.jcaName(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactDigest d && d.algorithm == algorithm && Arrays.equals(d.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return algorithm.cyclonedxName() + ":" + hex();
    }
}
