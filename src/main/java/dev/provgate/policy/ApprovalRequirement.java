// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * {@code approval}: a version change in this tier is listed in {@code approved:} with who and why. A version already
 * in the baseline is unchanged and passes; without a baseline every locked version needs an approval.
 */
public record ApprovalRequirement(Severity severity) implements Requirement {
    @Override
    public RequirementKind kind() {
        return RequirementKind.APPROVAL;
    }

    @Override
    public String describe() {
        return "version changes are listed in approved: with who and why";
    }

    @Override
    public Outcome check(CheckContext ctx) {
        Optional<ApprovedVersion> approval = ctx.approval();
        if (approval.isPresent()) {
            return Outcome.pass(this, approval.get().describe());
        }
        String version = ctx.ref().version().isEmpty() ? "(no version)" : ctx.ref().version();
        if (!ctx.baseline().present()) {
            return Outcome.fail(this, version + " is not in approved: (no baseline to compare with, so every "
                    + "locked version in this tier needs an approval)");
        }
        Set<String> before = ctx.baseline().previousVersions(ctx.ref());
        if (before.contains(ctx.ref().version())) {
            return Outcome.pass(this, "unchanged since the baseline");
        }
        if (before.isEmpty()) {
            return Outcome.fail(this, "new package at " + version + ", not in approved:");
        }
        return Outcome.fail(this, "changed from " + String.join(", ", before) + " to " + version
                + " without an entry in approved:");
    }

    @Override
    public String remediation(CheckContext ctx) {
        return "add '- {package: " + ctx.ref() + ", by: NAME, reason: WHY}' to approved:";
    }
}
