// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.Printable;
import dev.provgate.model.Severity;
import dev.provgate.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The wording every human-readable report shares: the summary line, advisory labels, dependency origins. */
final class FindingText {
    private FindingText() {
    }

    /** {@code BLOCKED: 2 findings (2 block, 0 warn) in 3 lockfiles, 1,204 packages}, plus what was left out. */
    static String summary(CheckResult r) {
        long block = r.count(Severity.BLOCK);
        long warn = r.count(Severity.WARN);
        long info = r.count(Severity.INFO);
        StringBuilder s = new StringBuilder(r.blocked() ? "BLOCKED" : "PASSED")
                .append(": ").append(counted(block + warn + info, "finding"))
                .append(" (").append(number(block)).append(" block, ").append(number(warn)).append(" warn")
                .append(info > 0 ? ", " + number(info) + " info" : "").append(")")
                .append(" in ").append(counted(r.lockfiles().size(), "lockfile"))
                .append(", ").append(counted(r.packages(), "package"));
        if (r.suppressedCount() > 0) {
            s.append("; ").append(number(r.suppressedCount())).append(" suppressed");
        }
        if (r.ignoreDev()) {
            s.append("; ").append(counted(r.skippedDev(), "dev package")).append(" not checked (--ignore-dev)");
        }
        return s.toString();
    }

    static String counted(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** Every count in every human-readable report is printed this one way: {@code 3,199}. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code tier/release-age 3,199, tier/sources 270}: unsuppressed findings per rule, most first. */
    static String byRule(CheckResult r) {
        return tally(r, Finding::ruleId);
    }

    /** {@code product 3,169, tooling 300}: unsuppressed findings per trust tier, most first; empty without tiers. */
    static String byTier(CheckResult r) {
        return tally(r, Finding::tier);
    }

    private static String tally(CheckResult r, Function<Finding, String> key) {
        Map<String, Long> counts = r.verdict().findings().stream().filter(f -> !f.suppressed())
                .map(key).filter(k -> !k.isEmpty())
                .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static List<AdvisoryMatch> advisories(Finding f) {
        return f.evidence().stream().filter(AdvisoryMatch.class::isInstance).map(AdvisoryMatch.class::cast).toList();
    }

    /** The advisory ids behind a finding, e.g. {@code MAL-2026-2144}; empty for non-advisory findings. */
    static String advisoryIds(Finding f) {
        return String.join(", ", advisories(f).stream().map(AdvisoryMatch::advisoryId).toList());
    }

    /** All aliases of the finding's advisories, sorted as the advisories give them. */
    static String aliases(Finding f) {
        List<String> all = new ArrayList<>();
        advisories(f).forEach(a -> all.addAll(a.aliases()));
        return String.join(", ", all);
    }

    /** {@code direct}, {@code transitive: a@1 > b@2 > c@3}, or {@code transitive (path unknown)}. */
    static String origin(Finding f) {
        if (f.component().direct()) {
            return "direct";
        }
        return f.dependencyPath().isEmpty() ? "transitive (path unknown)"
                : "transitive: " + String.join(" > ", f.dependencyPath());
    }

    static String suppression(Suppression s) {
        StringBuilder b = new StringBuilder(s.reason() == null ? "" : s.reason());
        List<String> who = new ArrayList<>();
        if (s.owner() != null && !s.owner().isEmpty()) {
            who.add(s.owner());
        }
        if (s.expires() != null) {
            who.add("until " + s.expires());
        }
        if (!who.isEmpty()) {
            b.append(" (").append(String.join(", ", who)).append(")");
        }
        return b.toString();
    }

    /** Control characters, bidi overrides and line separators from a hostile lockfile reach no terminal or markup. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || Printable.isUnsafe(c)
                ? '\uFFFD' : c));
        return b.toString();
    }
}
