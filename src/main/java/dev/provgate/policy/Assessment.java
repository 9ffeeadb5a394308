// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.ComponentEvidence;
import java.util.List;

/**
 * Everything the policy says about one component: its tier and why, and the outcome of each requirement of that
 * tier, followed by any {@code blocked:} entries that match.
 */
public record Assessment(ComponentEvidence evidence, Placement placement, List<Outcome> outcomes) {
    public Assessment {
        outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }
}
