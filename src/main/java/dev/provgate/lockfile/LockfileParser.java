// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;

/**
 * Reads one lockfile format. Pure: bytes in, inventory out; no file system, no network, nothing executed.
 * Implementations live one package per ecosystem and are listed in {@link LockfileParsers}.
 */
public interface LockfileParser {
    /** Stable id, e.g. {@code npm/package-lock}; also the format name reports show. */
    String name();

    Ecosystem ecosystem();

    /** Cheap check on the file name alone (forward-slash path relative to the scan root). */
    boolean accepts(String relativePath);

    /**
     * File names that make this file redundant when they sit in the same folder: npm gives
     * {@code npm-shrinkwrap.json} precedence over {@code package-lock.json}.
     */
    default java.util.Set<String> supersededBy() {
        return java.util.Set.of();
    }

    /**
     * Parses the file; confirms from the content that it is this format.
     *
     * @throws LockfileParseException naming the file and line, for anything malformed
     */
    LockfileInventory parse(LockfileSource source);
}
