// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.Component;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownReporterTest {
    @Test
    void summaryTableAndFoldedDetails() {
        String md = SampleResults.render(new MarkdownReporter(SampleResults.settings(false)), SampleResults.mixed());
        List<String> lines = md.lines().toList();
        assertEquals("## provgate check: blocked", lines.get(0));
        assertEquals("**BLOCKED: 3 findings (1 block, 1 warn, 1 info) in 2 lockfiles, 5 packages; 1 suppressed; "
                + "2 dev packages not checked (--ignore-dev)**", lines.get(2));
        assertEquals("| **block** | <code>flatmap-stream@0.1.1</code> | advisory/malicious | MAL-2018-1 | "
                + "<code>app/package-lock.json:57</code> | transitive: express@4.18.2 &gt; event-stream@3.3.6 &gt; "
                + "flatmap-stream@0.1.1 |", lines.get(8));
        assertEquals("**By rule:** advisory/malicious 1, advisory/name-only 1, tier/info 1", lines.get(4));
        assertEquals(4, lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| ---")).count() - 1);
        assertEquals(4, lines.stream().filter(l -> l.equals("<details>")).count());
        assertEquals(4, lines.stream().filter(l -> l.equals("</details>")).count());
    }

    @Test
    void lockfileTextCannotBreakTheTableOrInjectMarkup() {
        String md = SampleResults.render(new MarkdownReporter(SampleResults.settings(false)), SampleResults.mixed());
        assertTrue(md.contains("<code>odd&#124;name@1.0</code>"), md);
        assertTrue(md.contains("only shares the name \\| of a \\*registry\\* package"), md);
        assertTrue(md.contains("odd name &lt;b&gt;\uFFFD&lt;/b&gt;"), md);
        assertEquals(6, md.lines().filter(l -> l.startsWith("| **block**")).findFirst().orElseThrow()
                .split("(?<!\\\\)\\|", -1).length - 2);
    }

    @Test
    void cleanResultSaysSo() {
        assertEquals("## provgate check: passed\n\n**PASSED: 0 findings (0 block, 0 warn) in 1 lockfile, 1 package**"
                + "\n\nNo findings.\n", SampleResults.render(new MarkdownReporter(SampleResults.settings(false)),
                SampleResults.clean()));
    }

    @Test
    void everyGroupKeepsItsHeadingWhenThePackageListsAreCut() {
        List<Finding> findings = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            for (int i = 0; i < 1_000; i++) {
                Finding f = FindingGroupsTest.noPublishTime(FindingGroupsTest.pkg("g" + g + "-p" + i, "1.0", i),
                        g == 0 ? Severity.BLOCK : Severity.WARN, "tier-" + g);
                findings.add(new Finding("tier/rule-" + g, f.severity(), f.component(), f.message(),
                        f.remediation(), List.of(), f.tier(), null, List.of()));
            }
        }
        String md = SampleResults.render(new MarkdownReporter(SampleResults.settings(false)),
                FindingGroupsTest.result(findings));
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length <= Reporters.MARKDOWN_COMMENT, "" + md.length());
        for (int g = 0; g < 5; g++) {
            assertTrue(md.contains("tier/rule-" + g + ": 1,000 packages, tiers: tier-" + g + "</summary>"), "" + g);
        }
        assertEquals(5, md.lines().filter(l -> l.equals("<details>")).count());
        assertEquals(5, md.lines().filter(l -> l.equals("</details>")).count());
        assertTrue(md.contains(" more (in the full report)\n"), md);
        assertTrue(md.endsWith(" findings are not listed here; run <code>provgate check --output json=provgate.json"
                + "</code> for the full report.**\n"), md.substring(md.length() - 300));
    }

    @ParameterizedTest
    @ValueSource(ints = {Reporters.MARKDOWN_MIN, 5_000, 20_000, Reporters.MARKDOWN_COMMENT})
    void neverExceedsTheLimitWhateverIsCut(int limit) {
        List<Finding> findings = new ArrayList<>();
        AdvisoryMatch advisory = new AdvisoryMatch("MAL-1", List.of("GHSA-xxxx"), "bad",
                AdvisoryMatch.MatchBasis.VERSION, "remove it", true);
        for (int i = 0; i < 300; i++) {
            Component c = FindingGroupsTest.pkg("bad-\u00e9\u00e9-" + i, "1.0", i);
            findings.add(new Finding("advisory/malicious", Severity.BLOCK, c, "known-malicious \u2013 " + i,
                    "remove it", List.of(), "", null, List.of(advisory)));
            findings.add(FindingGroupsTest.noPublishTime(c, Severity.WARN, "tier-" + i % 40));
        }
        String fullReport = "reports/" + "deep/".repeat(100) + "provgate.json";
        String md = SampleResults.render(new MarkdownReporter(new Reporters.Settings("t", false, false, limit,
                fullReport, List.of("a notice"), UnaryOperator.identity())), FindingGroupsTest.result(findings));
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length <= limit, md.length() + " > " + limit);
        assertTrue(md.contains("| **block** | <code>bad-\u00e9\u00e9-0@1.0</code>"), "blocking findings first");
        assertTrue(md.endsWith("the full report is in <code>" + fullReport + "</code>.**\n"),
                md.substring(md.length() - 200));
    }
}
