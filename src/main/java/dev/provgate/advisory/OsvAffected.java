// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.util.List;

/**
 * One {@code affected} entry of an OSV record.
 *
 * @param ecosystem the OSV ecosystem as written ({@code PyPI}, {@code npm}, {@code Maven}); empty when missing
 * @param name      the package name as written; empty when missing
 * @param versions  the explicit {@code versions} list
 * @param ranges    the ranges, GIT ones included (they are shown, never matched)
 */
public record OsvAffected(String ecosystem, String name, List<String> versions, List<OsvRange> ranges) {
    public OsvAffected {
        ecosystem = ecosystem == null ? "" : ecosystem;
        name = name == null ? "" : name;
        versions = List.copyOf(versions);
        ranges = List.copyOf(ranges);
    }

    public boolean coversEveryVersion() {
        return ranges.stream().anyMatch(OsvRange::coversEveryVersion);
    }

    public boolean hasGitRanges() {
        return ranges.stream().anyMatch(OsvRange::isGit);
    }
}
