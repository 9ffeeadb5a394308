// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.diff.LockfileDiff;
import dev.provgate.diff.PackageChange;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.Component;
import dev.provgate.model.Evidence;
import dev.provgate.model.Finding;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.Suppression;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pull-request and pre-commit mode: a finding about a package the baseline already locked (same purl, same source,
 * no digest the baseline did not lock) is not introduced by the change. It stays in the report, marked as suppressed
 * by the baseline, so it is counted and visible but does not block. What the change adds, moves or re-hashes is
 * untouched, and so is a match on a known-bad file digest: that is never inherited.
 */
public final class IntroducedOnly {
    private final Set<String> inherited;
    private final Suppression suppression;

    public IntroducedOnly(String baselineRev, Collection<LockfileDiff> diffs) {
        Set<String> unchanged = new HashSet<>();
        Set<String> moved = new HashSet<>();
        for (LockfileDiff d : diffs) {
            unchanged.addAll(d.unchanged());
            d.changes().stream().filter(c -> c.kind().movesWhatIsLocked()).map(PackageChange::after)
                    .forEach(c -> moved.add(c.purl()));
        }
        unchanged.removeAll(moved);
        this.inherited = Set.copyOf(unchanged);
        this.suppression = new Suppression("already locked at " + baselineRev + ", not introduced by this change",
                "", null);
    }

    /** Whether the change adds or changes what is locked for this package (in any lockfile). */
    public boolean introduced(Component component) {
        return !inherited.contains(component.purl());
    }

    /** The findings with those about baseline packages marked as not introduced; shaped as a check suppressor. */
    public List<Finding> review(List<Finding> findings) {
        return findings.stream().map(f -> f.suppressed() || introduced(f.component())
                || f.evidence().stream().anyMatch(IntroducedOnly::onKnownBadDigest) ? f
                : new Finding(f.ruleId(), f.severity(), f.component(), f.message(), f.remediation(),
                        f.dependencyPath(), f.tier(), suppression, f.evidence())).toList();
    }

    /** Evidence that a locked file is a known-bad one: an advisory matched by digest. */
    public static boolean onKnownBadDigest(Evidence e) {
        return e instanceof AdvisoryMatch m && m.basis() == MatchBasis.HASH;
    }
}
