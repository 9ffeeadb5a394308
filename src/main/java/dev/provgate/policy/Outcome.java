// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Evidence;
import dev.provgate.model.Severity;
import java.util.List;

/**
 * What one requirement says about one component.
 *
 * @param ruleId   {@code tier/hashes}, ...
 * @param status   pass, fail, or unverified (the evidence needed is missing; counts as a failure)
 * @param detail   one line: the evidence, or what is wrong, or what is missing
 * @param severity what a failure weighs
 * @param evidence the evidence the decision used
 */
public record Outcome(String ruleId, Status status, String detail, Severity severity, List<Evidence> evidence) {
    public Outcome {
        evidence = List.copyOf(evidence);
    }

    public static Outcome pass(Requirement r, String detail) {
        return new Outcome(r.ruleId(), Status.PASS, detail, r.severity(), List.of());
    }

    public static Outcome fail(Requirement r, String detail) {
        return new Outcome(r.ruleId(), Status.FAIL, detail, r.severity(), List.of());
    }

    public static Outcome unverified(Requirement r, String why) {
        return new Outcome(r.ruleId(), Status.UNVERIFIED, why, r.severity(), List.of());
    }

    public Outcome withEvidence(List<? extends Evidence> used) {
        return new Outcome(ruleId, status, detail, severity, List.copyOf(used));
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** The finding message: the detail, prefixed with "unverified: " when evidence was missing. */
    public String message() {
        return status == Status.UNVERIFIED ? "unverified: " + detail : detail;
    }

    public enum Status {
        PASS, FAIL, UNVERIFIED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
