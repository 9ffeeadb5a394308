// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Location;
import dev.provgate.model.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Places matching packages in a tier. Every condition given must hold; conditions left out match anything.
 *
 * @param pattern   package pattern, or null
 * @param ecosystem ecosystem, or null
 * @param scope     runtime, dev, optional or peer, or null
 * @param tier      the tier it assigns
 * @param where     the rule in the policy file (or the built-in classification resource)
 * @param note      why the rule exists (built-in groups say what they cover); may be empty
 */
public record TierRule(PurlPattern pattern, Ecosystem ecosystem, Scope scope, Tier tier, Location where,
                       String note) {
    public TierRule {
        note = note == null ? "" : note;
    }

    public boolean matches(Component c, PackageRef ref) {
        return (pattern == null || pattern.matches(ref))
                && (ecosystem == null || ecosystem == c.ecosystem())
                && (scope == null || scope == c.scope());
    }

    /** The conditions, as written: {@code package pkg:npm/@aws-sdk/*, scope dev}. */
    public String conditions() {
        List<String> parts = new ArrayList<>();
        if (pattern != null) {
            parts.add("package " + pattern);
        }
        if (ecosystem != null) {
            parts.add("ecosystem " + ecosystem.purlType());
        }
        if (scope != null) {
            parts.add("scope " + scope.label());
        }
        return String.join(", ", parts);
    }
}
