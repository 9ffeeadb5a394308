// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.List;

/**
 * One reason the gate objects (or notes something) about a component.
 *
 * @param ruleId         stable rule id, e.g. {@code advisory/malicious}, {@code tier/provenance}
 * @param severity       block, warn or info
 * @param component      the component concerned
 * @param message        one line: what is wrong
 * @param remediation    what to do about it; may be empty
 * @param dependencyPath from a direct dependency down to the component (names with versions); empty when direct
 * @param tier           the trust tier that applied, or empty
 * @param suppression    the exception that silenced it, or null
 * @param evidence       the evidence behind it (advisory, provenance result)
 */
public record Finding(String ruleId, Severity severity, Component component, String message, String remediation,
                      List<String> dependencyPath, String tier, Suppression suppression, List<Evidence> evidence) {
    public Finding {
        remediation = remediation == null ? "" : remediation;
        dependencyPath = List.copyOf(dependencyPath);
        tier = tier == null ? "" : tier;
        evidence = List.copyOf(evidence);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    public Location location() {
        return component.location();
    }
}
