// SPDX-License-Identifier: Apache-2.0
package dev.provgate.diff;

import java.util.List;
import java.util.Set;

/**
 * What changed in one lockfile between a base and a head.
 *
 * @param path      the lockfile as shown to the user (the head's path; the base's for a deleted lockfile)
 * @param inBase    whether the base had the lockfile at all
 * @param changes   every change, sorted by package name and kind
 * @param unchanged purls locked on both sides from the same source with no new digest: what the head inherits
 */
public record LockfileDiff(String path, boolean inBase, List<PackageChange> changes, Set<String> unchanged) {
    public LockfileDiff {
        changes = List.copyOf(changes);
        unchanged = Set.copyOf(unchanged);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
