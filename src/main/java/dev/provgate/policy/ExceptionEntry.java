// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Finding;
import dev.provgate.model.Location;
import dev.provgate.model.Suppression;
import java.time.LocalDate;

/**
 * An accepted risk: silences one rule for matching packages until it expires.
 *
 * @param pattern the packages it covers (with a version: only that version)
 * @param rule    a rule id ({@code tier/provenance}), or a family with {@code /*} ({@code tier/*})
 * @param reason  why the risk is accepted
 * @param owner   who answers for it
 * @param expires the last day it applies
 * @param where   the entry in the policy file
 */
public record ExceptionEntry(PurlPattern pattern, String rule, String reason, String owner, LocalDate expires,
                             Location where) {

    public boolean matches(Finding f) {
        boolean ruleMatches = rule.endsWith("/*")
                ? f.ruleId().startsWith(rule.substring(0, rule.length() - 1))
                : rule.equals(f.ruleId());
        return ruleMatches && pattern.matches(PackageRef.of(f.component()));
    }

    /** Expired once the day after {@code expires} begins. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    public Suppression suppression() {
        return new Suppression(reason, owner, expires);
    }
}
