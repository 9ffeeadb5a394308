// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.Objects;

/**
 * A kind of finding, as reports describe it (SARIF rules, the JSON report's rule list).
 *
 * @param id               the stable rule id findings carry, e.g. {@code advisory/malicious}
 * @param name             a short PascalCase name, e.g. {@code MaliciousPackage}
 * @param defaultSeverity  the severity its findings usually have
 * @param shortDescription one sentence: what the rule objects to
 * @param help             what to do about such a finding, in a few sentences
 */
public record RuleDescription(String id, String name, Severity defaultSeverity, String shortDescription,
                              String help) {
    public RuleDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        shortDescription = shortDescription == null ? "" : shortDescription;
        help = help == null ? "" : help;
    }
}
