// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

/** The per-tier requirements: their key under {@code requires:} and the rule id of their findings. */
public enum RequirementKind {
    HASHES("hashes", "tier/hashes"),
    SOURCES("sources", "tier/sources"),
    INSTALL_SCRIPTS("install_scripts", "tier/install-scripts"),
    RELEASE_AGE("min_release_age", "tier/release-age"),
    PROVENANCE("provenance", "tier/provenance"),
    APPROVAL("approval", "tier/approval");

    private final String key;
    private final String ruleId;

    RequirementKind(String key, String ruleId) {
        this.key = key;
        this.ruleId = ruleId;
    }

    public String key() {
        return key;
    }

    public String ruleId() {
        return ruleId;
    }
}
