// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.Comparator;
import java.util.List;

/**
 * What {@code provgate check} found, as every reporter renders it.
 *
 * @param lockfiles the lockfiles checked, sorted by path
 * @param rules     the kinds of finding the evaluators can produce, sorted by id
 * @param verdict   every finding, in report order
 * @param failOn    the threshold: findings at this severity or worse block the build
 * @param ignoreDev dev-scope packages were not checked
 */
public record CheckResult(List<CheckedLockfile> lockfiles, List<RuleDescription> rules, Verdict verdict,
                          Severity failOn, boolean ignoreDev) {
    public CheckResult {
        lockfiles = List.copyOf(lockfiles);
        rules = rules.stream().sorted(Comparator.comparing(RuleDescription::id)).toList();
    }

    /** Whether the build fails. */
    public boolean blocked() {
        return verdict.blocks(failOn);
    }

    /** Whether this finding, on its own, fails the build. */
    public boolean blocks(Finding finding) {
        return !finding.suppressed() && finding.severity().compareTo(failOn) <= 0
                && finding.severity() != Severity.INFO;
    }

    /** Packages checked, over all lockfiles. */
    public int packages() {
        return lockfiles.stream().mapToInt(l -> l.checked().size()).sum();
    }

    public int skippedDev() {
        return lockfiles.stream().mapToInt(CheckedLockfile::skippedDev).sum();
    }

    /** Unsuppressed findings of this severity. */
    public long count(Severity severity) {
        return verdict.findings().stream().filter(f -> !f.suppressed() && f.severity() == severity).count();
    }

    public long suppressedCount() {
        return verdict.findings().stream().filter(Finding::suppressed).count();
    }

    /** The findings located in one lockfile (or, for an installed environment, in a file under that root). */
    public List<Finding> findingsIn(String lockfilePath) {
        return verdict.findings().stream().filter(f -> f.location().file().equals(lockfilePath)
                || f.location().file().startsWith(lockfilePath.endsWith("/") ? lockfilePath : lockfilePath + "/"))
                .toList();
    }
}
