// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The rule ids the policy engine reports. Exceptions may name these, or rules of other families (advisory/...). */
public final class RuleIds {
    public static final String BLOCKED = "policy/blocked";
    public static final String EXCEPTION_EXPIRED = "policy/exception-expired";
    public static final String EXCEPTION_UNUSED = "policy/exception-unused";

    /** Every rule id of the {@code tier/} and {@code policy/} families, in documentation order. */
    public static final List<String> ALL = Stream.concat(
            Arrays.stream(RequirementKind.values()).map(RequirementKind::ruleId),
            Stream.of(BLOCKED, EXCEPTION_EXPIRED, EXCEPTION_UNUSED)).toList();

    private RuleIds() {
    }
}
