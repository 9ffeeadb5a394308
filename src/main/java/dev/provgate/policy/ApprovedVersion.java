// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Location;

/**
 * An exact version someone approved: satisfies the approval rule and is the release-age fast lane.
 *
 * @param pattern package pattern with an exact version
 * @param by      who approved it
 * @param reason  why
 * @param where   the entry in the policy file
 */
public record ApprovedVersion(PurlPattern pattern, String by, String reason, Location where) {
    public boolean covers(PackageRef ref) {
        return pattern.matches(ref);
    }

    /** {@code approved by alice (security fix), trust-tiers.yaml:40}. */
    public String describe() {
        return "approved by " + by + " (" + reason + "), " + where;
    }
}
