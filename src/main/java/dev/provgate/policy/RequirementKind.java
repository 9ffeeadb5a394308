// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;

/** The per-tier requirements: their key under {@code requires:}, the rule id of their findings, and how reports
 * describe them. */
public enum RequirementKind {
    HASHES("hashes", "tier/hashes", "TierHashes",
            "A locked artifact has no hash in the lockfile, as its trust tier requires.",
            "Lock with hashes (npm integrity, pip-compile --generate-hashes, poetry or uv lock files), or move the "
                    + "package to a tier that does not require them."),
    SOURCES("sources", "tier/sources", "TierSources",
            "A package comes from a registry or source kind (git, URL, path) its trust tier does not allow.",
            "Resolve it from an allowed registry, depend on a registry release, or allow the source in the policy."),
    INSTALL_SCRIPTS("install_scripts", "tier/install-scripts", "TierInstallScripts",
            "A package runs an install script, which its trust tier forbids.",
            "Review the script, then list the package under install_scripts.allowed_for, or replace it."),
    RELEASE_AGE("min_release_age", "tier/release-age", "TierReleaseAge",
            "The locked version is younger than its trust tier's cooldown, or its publish time is unknown.",
            "Wait until the cooldown ends, or approve the exact version in approved: (fast lane for urgent fixes)."),
    PROVENANCE("provenance", "tier/provenance", "TierProvenance",
            "The locked version lacks the verified provenance its trust tier requires, was signed by an unexpected "
                    + "identity, or has less provenance than earlier versions.",
            "Fetch and verify attestations, pin a version with the expected provenance, or add a time-limited "
                    + "exception."),
    APPROVAL("approval", "tier/approval", "TierApproval",
            "A version change in a tier that needs approval is not listed in approved:.",
            "Add the exact version to approved: with who approved it and why."),
    PINNING("pinning", "tier/pinning", "TierPinning",
            "A CI reference (GitHub Actions uses:, docker:// image) is not pinned to a full commit SHA or image "
                    + "digest, or its # version comment disagrees with another reference to the same action.",
            "Pin the full commit SHA and keep the version as a comment (uses: OWNER/REPO@SHA # vX.Y.Z); tools such "
                    + "as pinact, ratchet or Dependabot keep both current."),
    OWNERS("allowed_owners", "tier/owners", "TierOwners",
            "A GitHub Actions reference names an owner (organisation or user) its trust tier does not allow.",
            "Use an action of an allowed owner, fork it into one, or add the owner to allowed_owners.");

    private final String key;
    private final String ruleId;
    private final String name;
    private final String summary;
    private final String help;

    RequirementKind(String key, String ruleId, String name, String summary, String help) {
        this.key = key;
        this.ruleId = ruleId;
        this.name = name;
        this.summary = summary;
        this.help = help;
    }

    public String key() {
        return key;
    }

    public String ruleId() {
        return ruleId;
    }

    /** For reports; the severity depends on the policy, block is the default. */
    public RuleDescription description() {
        return new RuleDescription(ruleId, name, Severity.BLOCK, summary, help);
    }
}
