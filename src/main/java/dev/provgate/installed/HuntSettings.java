// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.util.function.Predicate;

/**
 * What a hunt is given besides the roots.
 *
 * @param maxFileBytes   files larger than this are listed but not read (nor hashed)
 * @param knownBadSha256 whether a SHA-256 (lower-case hex) is a known-bad file's digest
 */
public record HuntSettings(long maxFileBytes, Predicate<String> knownBadSha256) {
    /** Manifests and RECORD files are read whole; nothing legitimate comes near this. */
    static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;
}
