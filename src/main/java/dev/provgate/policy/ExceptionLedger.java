// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.Location;
import dev.provgate.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the policy's exceptions to findings: a live exception silences what it matches; an expired one silences
 * nothing and is reported; a live one that silenced nothing is reported as unused.
 */
final class ExceptionLedger {
    private final Policy policy;
    private final LocalDate today;

    ExceptionLedger(Policy policy, LocalDate today) {
        this.policy = policy;
        this.today = today;
    }

    List<Finding> apply(List<Finding> findings) {
        Map<ExceptionEntry, Boolean> used = new IdentityHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Optional<ExceptionEntry> match = policy.exceptions().stream()
                    .filter(e -> !e.expiredOn(today) && e.matches(f)).findFirst();
            match.ifPresent(e -> used.put(e, true));
            out.add(match.map(e -> suppressed(f, e)).orElse(f));
        }
        for (ExceptionEntry e : policy.exceptions()) {
            if (e.expiredOn(today)) {
                out.add(housekeeping(e, RuleIds.EXCEPTION_EXPIRED, "exception for " + e.rule() + " on " + e.pattern() + " expired on "
                        + e.expires() + " (owner " + e.owner() + "); what it silenced is reported again",
                        "renew it with a later expires date if the risk is still accepted, or remove it"));
            } else if (!used.containsKey(e)) {
                out.add(housekeeping(e, RuleIds.EXCEPTION_UNUSED, "exception for " + e.rule() + " on " + e.pattern()
                        + " matches no finding (owner " + e.owner() + ")", "remove it"));
            }
        }
        return out;
    }

    private static Finding suppressed(Finding f, ExceptionEntry e) {
        return new Finding(f.ruleId(), f.severity(), f.component(), f.message(), f.remediation(),
                f.dependencyPath(), f.tier(), e.suppression(), f.evidence());
    }

    private Finding housekeeping(ExceptionEntry e, String ruleId, String message, String remediation) {
        return new Finding(ruleId, Severity.WARN, policyComponent(e.where()), message, remediation, List.of(), "",
                null, List.of());
    }

    /** Findings about the policy file itself point at the entry's line. */
    private Component policyComponent(Location where) {
        String name = where.file().isEmpty() ? "trust-tiers.yaml" : where.file();
        int slash = name.lastIndexOf('/');
        return Component.builder(Ecosystem.OTHER, name.substring(slash + 1), "").location(where).build();
    }
}
