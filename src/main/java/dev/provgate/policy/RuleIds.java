// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The rule ids the policy engine reports. Exceptions may name these, or rules of other families (advisory/...). */
public final class RuleIds {
    public static final String BLOCKED = "policy/blocked";
    public static final String EXCEPTION_EXPIRED = "policy/exception-expired";
    public static final String EXCEPTION_UNUSED = "policy/exception-unused";

    /** Every rule the policy engine reports, for the reports' rule lists, in documentation order. */
    public static final List<RuleDescription> DESCRIPTIONS = Stream.concat(
            Arrays.stream(RequirementKind.values()).map(RequirementKind::description),
            Stream.of(
                    new RuleDescription(BLOCKED, "PolicyBlocked", Severity.BLOCK,
                            "The package or version is listed under blocked: in the policy.",
                            "Remove or replace it, or change the blocked: entry if the reason no longer holds."),
                    new RuleDescription(EXCEPTION_EXPIRED, "PolicyExceptionExpired", Severity.WARN,
                            "A policy exception has expired; what it silenced is reported again.",
                            "Renew it with a later expires date if the risk is still accepted, or remove it."),
                    new RuleDescription(EXCEPTION_UNUSED, "PolicyExceptionUnused", Severity.WARN,
                            "A policy exception matches no finding.",
                            "Remove it."))).toList();

    /** Every rule id of the {@code tier/} and {@code policy/} families, in documentation order. */
    public static final List<String> ALL = DESCRIPTIONS.stream().map(RuleDescription::id).toList();

    private RuleIds() {
    }
}
