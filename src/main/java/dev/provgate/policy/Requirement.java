// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Severity;

/** One per-tier requirement: configured from the policy, checked against one component's evidence. */
public sealed interface Requirement permits HashesRequirement, SourcesRequirement, InstallScriptsRequirement,
        ReleaseAgeRequirement, ProvenanceRequirement, ApprovalRequirement, PinningRequirement, OwnersRequirement {

    RequirementKind kind();

    /** Stable id used in findings and exceptions, e.g. {@code tier/hashes}. */
    default String ruleId() {
        return kind().ruleId();
    }

    /** The key in {@code requires:}, e.g. {@code hashes}. */
    default String key() {
        return kind().key();
    }

    Severity severity();

    /** What the requirement asks, in one line, for {@code provgate explain}. */
    String describe();

    Outcome check(CheckContext ctx);

    /** What to do when it fails. */
    String remediation(CheckContext ctx);
}
