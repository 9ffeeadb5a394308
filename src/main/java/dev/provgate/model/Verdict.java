// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.List;

/** The gate's answer: every finding, and whether the build passes at a given threshold. */
public record Verdict(List<Finding> findings) {
    public Verdict {
        findings = List.copyOf(findings);
    }

    /** The most severe unsuppressed finding, or INFO when there is none. */
    public Severity worst() {
        return findings.stream().filter(f -> !f.suppressed()).map(Finding::severity)
                .min(Enum::compareTo).orElse(Severity.INFO);
    }

    /** Whether the build fails when findings at {@code threshold} or worse block it. */
    public boolean blocks(Severity threshold) {
        return worst().compareTo(threshold) <= 0 && worst() != Severity.INFO;
    }
}
