// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.check.ChangeEvaluator;
import dev.provgate.model.ProvgateException;
import dev.provgate.policy.DidYouMean;
import dev.provgate.policy.PolicyEngine;
import dev.provgate.policy.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code check --freeze TIERS}: the "freeze dependency movement" step of an incident. */
public final class FreezeOptions {
    @Option(names = "--freeze", paramLabel = "TIERS", split = ",",
            description = "Block any movement (added, upgraded, downgraded, digest changed) of a package in these "
                    + "trust tiers (names from the policy, comma-separated), compared with --baseline REV, else "
                    + "HEAD (change/frozen).")
    List<String> tiers = new ArrayList<>();

    @Option(names = "--freeze-reason", paramLabel = "TEXT",
            description = "The incident, named in each change/frozen finding (e.g. \"INC-42 litellm compromise\").")
    String reason;

    public boolean active() {
        return !tiers.isEmpty();
    }

    /** The freeze to apply; its tiers must be tiers of the policy in use. */
    public ChangeEvaluator.Freeze freeze(Optional<PolicyEngine> policy) {
        if (!active()) {
            if (reason != null) {
                throw new ProvgateException("--freeze-reason needs --freeze TIERS");
            }
            return ChangeEvaluator.Freeze.none();
        }
        PolicyEngine engine = policy.orElseThrow(() -> new ProvgateException(
                "--freeze names trust tiers, but no trust-tiers policy applies (--policy FILE)"));
        List<String> known = engine.policy().tiers().stream().map(Tier::name).toList();
        for (String tier : tiers) {
            if (!known.contains(tier)) {
                throw new ProvgateException(engine.policy().file(), 0, "--freeze: no tier '" + tier + "'"
                        + DidYouMean.hint(tier, known) + "; tiers: " + String.join(", ", known));
            }
        }
        return new ChangeEvaluator.Freeze(Set.copyOf(tiers), reason);
    }
}
