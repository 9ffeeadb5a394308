// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A lockfile's bytes and the name to show for it. Parsers read only this: no file system, no network.
 *
 * @param displayPath the path as reported to the user (relative to the scan root, forward slashes)
 * @param bytes       the file content
 * @param origin      where it was read from: a directory, a git ref, the staged index
 */
public record LockfileSource(String displayPath, byte[] bytes, String origin) {
    public LockfileSource {
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(bytes, "bytes");
        origin = origin == null ? "" : origin;
    }

    /** The file name, without folders. */
    public String fileName() {
        int slash = displayPath.lastIndexOf('/');
        return slash < 0 ? displayPath : displayPath.substring(slash + 1);
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public Location at(int line) {
        return new Location(displayPath, line);
    }
}
