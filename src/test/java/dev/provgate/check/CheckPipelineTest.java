// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import dev.provgate.model.Suppression;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckPipelineTest {
    private static final String LOCK = String.join("\n",
            "app@1.0.0 direct deps=event-stream@3.3.6,left-pad@1.0.0",
            "event-stream@3.3.6",
            "left-pad@1.0.0",
            "left-pad@1.0.0",
            "tools@1.0.0 direct dev deps=litellm@1.82.8",
            "litellm@1.82.8 dev");

    private static Inventory inventory(String path, String text) {
        return new Inventory(List.of(new TestLockParser().parse(
                new LockfileSource(path, text.getBytes(StandardCharsets.UTF_8), ""))));
    }

    private static CheckResult run(List<Suppressor> suppressors, boolean ignoreDev) {
        CheckPipeline p = new CheckPipeline(List.of(FakeAdvisories.standard()), List.of(new AdvisoryEvaluator()),
                suppressors);
        return p.run(inventory("p/x.testlock", LOCK), new CheckPipeline.Options(Severity.BLOCK, ignoreDev));
    }

    @Test
    void findingsInReportOrderWithPaths() {
        CheckResult r = run(List.of(), false);
        List<String> got = r.verdict().findings().stream()
                .map(f -> f.ruleId() + " " + f.component().coordinates() + " " + f.location() + " "
                        + f.dependencyPath())
                .toList();
        assertEquals(List.of(
                "advisory/malicious event-stream@3.3.6 p/x.testlock:2 [app@1.0.0, event-stream@3.3.6]",
                "advisory/vulnerable left-pad@1.0.0 p/x.testlock:3 [app@1.0.0, left-pad@1.0.0]",
                "advisory/malicious litellm@1.82.8 p/x.testlock:6 [tools@1.0.0, litellm@1.82.8]"), got);
        assertTrue(r.blocked());
        assertEquals(5, r.packages(), "left-pad twice in the file counts once");
        assertEquals(List.of("advisory/malicious", "advisory/name-only", "advisory/vulnerable"),
                r.rules().stream().map(RuleDescription::id).toList());
    }

    @Test
    void ignoreDevLeavesDevPackagesOutAndCountsThem() {
        CheckResult r = run(List.of(), true);
        assertEquals(3, r.packages());
        assertEquals(2, r.skippedDev());
        assertFalse(r.verdict().findings().stream().anyMatch(f -> f.component().name().equals("litellm")));
    }

    @Test
    void suppressedFindingsStayInTheReportButDoNotBlock() {
        Suppression accepted = new Suppression("reviewed", "sec", LocalDate.parse("2026-12-31"));
        Suppressor all = findings -> findings.stream().map(f -> new Finding(f.ruleId(), f.severity(),
                f.component(), f.message(), f.remediation(), f.dependencyPath(), f.tier(), accepted,
                f.evidence())).toList();
        CheckResult r = run(List.of(all), false);
        assertEquals(3, r.verdict().findings().size());
        assertEquals(3, r.suppressedCount());
        assertFalse(r.blocked());
    }

    @Test
    void suppressedFindingsComeAfterActiveOnes() {
        Suppression accepted = new Suppression("reviewed", "sec", null);
        Suppressor eventStream = findings -> findings.stream().map(f -> !f.component().name().equals("event-stream")
                ? f : new Finding(f.ruleId(), f.severity(), f.component(), f.message(), f.remediation(),
                f.dependencyPath(), f.tier(), accepted, f.evidence())).toList();
        CheckResult r = run(List.of(eventStream), false);
        assertEquals(List.of("left-pad", "litellm", "event-stream"),
                r.verdict().findings().stream().map(f -> f.component().name()).toList());
        assertTrue(r.blocked());
    }

    @Test
    void evaluatorsPlugInBesideTheAdvisoryRules() {
        Evaluator tier = new Evaluator() {
            @Override
            public List<RuleDescription> rules() {
                return List.of(new RuleDescription("tier/hashes", "MissingHashes", Severity.WARN, "no hash", ""));
            }

            @Override
            public List<Finding> evaluate(dev.provgate.model.ComponentEvidence e) {
                return e.component().hashes().isEmpty() && e.component().name().equals("app")
                        ? List.of(new Finding("tier/hashes", Severity.WARN, e.component(), "no hash", "", List.of(),
                        "0", null, List.of()))
                        : List.of();
            }
        };
        CheckResult r = new CheckPipeline(List.of(), List.of(new AdvisoryEvaluator(), tier), List.of())
                .run(inventory("x.testlock", LOCK), new CheckPipeline.Options(Severity.WARN, false));
        assertEquals(List.of("tier/hashes"), r.verdict().findings().stream().map(Finding::ruleId).toList());
        assertTrue(r.blocked());
        assertEquals(4, r.rules().size());
    }
}
