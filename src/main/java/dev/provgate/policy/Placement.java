// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

/**
 * The tier a component landed in and why.
 *
 * @param tier the tier
 * @param rule the rule that matched, or null for the default tier
 */
public record Placement(Tier tier, TierRule rule) {
    /** One line: which rule matched, or that none did. */
    public String reason() {
        if (rule == null) {
            return "default tier: no rule matched";
        }
        String note = rule.note().isEmpty() ? "" : " (" + rule.note() + ")";
        boolean builtin = rule.where().file().equals(BuiltinClassification.SOURCE_NAME);
        return builtin ? "built-in classification " + rule.conditions() + note
                : "rule " + rule.conditions() + note + " at " + rule.where();
    }
}
