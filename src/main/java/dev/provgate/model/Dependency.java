// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * A dependency edge between two components of one lockfile, by purl.
 *
 * @param from the depending component's purl
 * @param to   the purl of the component it depends on
 */
public record Dependency(String from, String to) implements Comparable<Dependency> {
    @Override
    public int compareTo(Dependency o) {
        int c = from.compareTo(o.from);
        return c != 0 ? c : to.compareTo(o.to);
    }
}
