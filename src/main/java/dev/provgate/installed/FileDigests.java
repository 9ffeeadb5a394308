// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Streams a file through SHA-256 (for the known-bad digests) and, when RECORD names another algorithm, that one too,
 * in one pass with a fixed buffer. Opens regular files only, never through a symbolic link.
 */
final class FileDigests {
    private static final int BUFFER = 64 * 1024;
    /** One buffer per hashing thread: a fresh 64 KiB per file would be gigabytes of garbage over 100,000 files. */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    /**
     * The digests of one file.
     *
     * @param sha256   lower-case hex
     * @param recorded the digest in the algorithm RECORD names, as RECORD writes it (URL-safe base64, no padding);
     *                 empty when no algorithm was asked for or it is unknown
     */
    record Digests(String sha256, String recorded) {
        /**
         * Whether RECORD's digest is this one: URL-safe base64 as the wheel specification writes it, or hex, as
         * Debian's packaging rewrites some RECORD files.
         */
        boolean matches(String recordDigest) {
            if (recorded.isEmpty()) {
                return false;
            }
            byte[] mine = Base64.getUrlDecoder().decode(recorded);
            String digest = recordDigest.replace("=", "");
            if (digest.length() == mine.length * 2 && digest.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return HexFormat.of().formatHex(mine).equalsIgnoreCase(digest);
            }
            return recorded.equals(digest.replace('+', '-').replace('/', '_'));
        }
    }

    private FileDigests() {
    }

    /** The file's digests; {@code recordAlgorithm} is RECORD's name for it (sha256, sha384, sha512) or empty. */
    static Digests of(Path file, String recordAlgorithm) throws IOException {
        MessageDigest sha256 = digest("SHA-256");
        Optional<MessageDigest> other = jcaName(recordAlgorithm).filter(n -> !n.equals("SHA-256"))
                .map(FileDigests::digest);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = BUFFERS.get();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                if (other.isPresent()) {
                    other.get().update(buffer, 0, n);
                }
            }
        }
        byte[] sha = sha256.digest();
        String recorded = other.map(d -> recordForm(d.digest()))
                .orElse(recordAlgorithm.equalsIgnoreCase("sha256") ? recordForm(sha) : "");
        return new Digests(HexFormat.of().formatHex(sha), recorded);
    }

    /** Whether this is an algorithm RECORD may name that we can compute. */
    static boolean supported(String recordAlgorithm) {
        return jcaName(recordAlgorithm).isPresent();
    }

    private static Optional<String> jcaName(String recordAlgorithm) {
        return switch (recordAlgorithm.toLowerCase(Locale.ROOT)) {
            case "sha256" -> Optional.of("SHA-256");
            case "sha384" -> Optional.of("SHA-384");
            case "sha512" -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    private static String recordForm(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is required of every Java runtime", e);
        }
    }
}
