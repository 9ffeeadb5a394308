// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import java.util.List;

/**
 * A trust tier: how much proof its packages need.
 *
 * @param level        0 is the most trusted-with-secrets (strictest), higher numbers need less
 * @param name         short name used in findings ({@code critical})
 * @param description  one line for people
 * @param requirements what every package in the tier must satisfy, in report order
 */
public record Tier(int level, String name, String description, List<Requirement> requirements) {
    public Tier {
        description = description == null ? "" : description;
        requirements = List.copyOf(requirements);
    }

    /** {@code tier 0 (critical)}. */
    public String label() {
        return "tier " + level + " (" + name + ")";
    }
}
