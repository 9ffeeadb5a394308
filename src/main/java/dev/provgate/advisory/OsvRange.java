// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An OSV range.
 *
 * @param type   {@code ECOSYSTEM}, {@code SEMVER} or {@code GIT} (others are kept but never match)
 * @param events the events in record order
 */
public record OsvRange(String type, List<OsvEvent> events) {
    public OsvRange {
        type = type == null ? "" : type;
        events = List.copyOf(events);
    }

    /** GIT ranges name commits, not registry versions: registry packages are never matched by them. */
    public boolean isGit() {
        return type.equals("GIT");
    }

    /** Ranges evaluated on registry versions. */
    public boolean isVersionRange() {
        return type.equals("ECOSYSTEM") || type.equals("SEMVER");
    }

    /** Every version: introduced 0 and no fixed, last_affected or (finite) limit. */
    public boolean coversEveryVersion() {
        return isVersionRange() && events.stream().anyMatch(OsvEvent::isFromTheStart)
                && events.stream().allMatch(e -> e.kind() == OsvEvent.Kind.INTRODUCED || e.isUnlimited());
    }

    @Override
    public String toString() {
        return type + ": " + events.stream().map(OsvEvent::toString).collect(Collectors.joining(", "));
    }
}
