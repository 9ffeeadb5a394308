// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.Severity;
import dev.provgate.model.AdvisoryMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The findings of a check as people read them: findings about one package each (an advisory, a failed verification
 * or changed signer, and any cause shared by fewer than {@link #MIN_GROUP} packages), blocking ones first; then one
 * {@link Group} per cause that many packages share ("no publish time in the store", "no hash in the lockfile").
 * Machine formats do not use this: they keep one result per package and rule.
 *
 * @param single  findings shown one by one, blocking first, otherwise in report order
 * @param grouped one entry per shared cause, blocking groups first, then by size
 */
record FindingGroups(List<Finding> single, List<Group> grouped) {
    /** A cause shared by at least this many findings is folded into one entry. */
    static final int MIN_GROUP = 3;

    /**
     * Findings with one rule, severity and cause.
     *
     * @param cause    the message with the package taken out
     * @param fix      the remediation with the package taken out; may be empty
     * @param blocking whether these findings fail the build
     * @param findings the findings, in report order
     */
    record Group(String cause, String fix, boolean blocking, List<Finding> findings) {
        Finding first() {
            return findings.get(0);
        }

        String ruleId() {
            return first().ruleId();
        }

        /** The tiers that applied, sorted; empty when no tier did. */
        List<String> tiers() {
            return List.copyOf(new TreeSet<>(findings.stream().map(Finding::tier).filter(t -> !t.isEmpty())
                    .toList()));
        }
    }

    private record Key(String rule, Severity severity, boolean blocking, boolean suppressed, String cause,
                       String fix) {
    }

    static FindingGroups of(CheckResult result) {
        List<Finding> single = new ArrayList<>();
        Map<Key, List<Finding>> byCause = new LinkedHashMap<>();
        for (Finding f : result.verdict().findings()) {
            if (aboutThisPackage(f)) {
                single.add(f);
            } else {
                byCause.computeIfAbsent(new Key(f.ruleId(), f.severity(), result.blocks(f), f.suppressed(),
                        withoutPackage(f, f.message()), withoutPackage(f, f.remediation())), k -> new ArrayList<>())
                        .add(f);
            }
        }
        List<Group> grouped = new ArrayList<>();
        byCause.forEach((key, findings) -> {
            if (findings.size() >= MIN_GROUP) {
                grouped.add(new Group(key.cause(), key.fix(), key.blocking(), List.copyOf(findings)));
            } else {
                single.addAll(findings);
            }
        });
        Map<Finding, Integer> order = new IdentityHashMap<>();
        result.verdict().findings().forEach(f -> order.putIfAbsent(f, order.size()));
        single.sort(Comparator.comparing((Finding f) -> !result.blocks(f)).thenComparing(order::get));
        grouped.sort(Comparator.comparing((Group g) -> !g.blocking())
                .thenComparing(g -> -g.findings().size()).thenComparing(Group::ruleId).thenComparing(Group::cause));
        return new FindingGroups(List.copyOf(single), List.copyOf(grouped));
    }

    /** Advisory matches, failed verifications and changed signers are never folded away. */
    static boolean aboutThisPackage(Finding f) {
        return f.evidence().stream().anyMatch(e -> e instanceof AdvisoryMatch
                || e instanceof ProvenanceResult p && p.outcome() == ProvenanceResult.Outcome.FAILED);
    }

    /**
     * The text with the package taken out, so that findings with one cause compare equal: {@code no publish date for
     * a@1: no publish time in ./attestations} becomes {@code no publish date: no publish time in ./attestations}.
     */
    static String withoutPackage(Finding f, String text) {
        String coordinates = f.component().coordinates();
        String out = text.replace(f.component().purl(), "PURL")
                .replaceAll("pkg:[a-z]+/" + Pattern.quote(coordinates) + "(?![\\w.-])", "PURL")
                .replace(" for " + coordinates, "")
                .replace(" of " + coordinates, "").replace(coordinates, "the package");
        String version = f.component().version();
        return version.isEmpty() ? out
                : out.replaceAll("(?<![\\w.@-])" + Pattern.quote(version) + "(?![\\w.-])", "the version");
    }
}
