// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.model.Component;
import dev.provgate.model.Finding;
import dev.provgate.model.Suppression;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pull-request mode: a finding about a package that the baseline already locked (same purl, so same name and
 * version) is not introduced by the change. It stays in the report, marked as suppressed by the baseline, so it is
 * counted and visible but does not block; findings about new or changed versions are untouched.
 */
public final class IntroducedOnly {
    private final Set<String> baselinePurls;
    private final Suppression suppression;

    public IntroducedOnly(String baselineRev, Collection<Component> baselineComponents) {
        this.baselinePurls = baselineComponents.stream().map(Component::purl).collect(Collectors.toUnmodifiableSet());
        this.suppression = new Suppression("already locked at " + baselineRev + ", not introduced by this change",
                "", null);
    }

    public boolean introduced(Component component) {
        return !baselinePurls.contains(component.purl());
    }

    /** The findings with those about baseline packages marked as not introduced; shaped as a check suppressor. */
    public List<Finding> review(List<Finding> findings) {
        return findings.stream().map(f -> f.suppressed() || introduced(f.component()) ? f
                : new Finding(f.ruleId(), f.severity(), f.component(), f.message(), f.remediation(),
                        f.dependencyPath(), f.tier(), suppression, f.evidence())).toList();
    }
}
