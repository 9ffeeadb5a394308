// SPDX-License-Identifier: Apache-2.0
package dev.provgate.diff;

import dev.provgate.model.Component;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference in one lockfile.
 *
 * @param kind   what changed
 * @param before the entry in the base; null for an addition
 * @param after  the entry in the head; null for a removal
 * @param detail what exactly differs, for a digest, source or tier change (e.g. the new digests); may be empty
 */
public record PackageChange(ChangeKind kind, Component before, Component after, String detail) {
    public PackageChange {
        Objects.requireNonNull(kind, "kind");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a before or an after");
        }
        detail = detail == null ? "" : detail;
    }

    /** The entry the change is about: the head's, or the base's for a removal. */
    public Component component() {
        return after != null ? after : before;
    }

    public Optional<Component> beforeEntry() {
        return Optional.ofNullable(before);
    }

    public Optional<Component> afterEntry() {
        return Optional.ofNullable(after);
    }

    /** {@code name 1.0 -> 1.1}, {@code name@1.0}, as the reports show it. */
    public String summary() {
        if (before != null && after != null && !before.version().equals(after.version())) {
            return after.name() + " " + before.version() + " -> " + after.version();
        }
        return component().coordinates();
    }
}
