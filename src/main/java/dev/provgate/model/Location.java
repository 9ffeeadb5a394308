// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * Where something is declared.
 *
 * @param file the file as shown to the user (relative to the scan root, forward slashes)
 * @param line 1-based line, or 0 when unknown
 */
public record Location(String file, int line) implements Comparable<Location> {
    public Location {
        file = file == null ? "" : file;
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
