// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static dev.provgate.policy.PolicyTesting.evidence;
import static dev.provgate.policy.PolicyTesting.npm;
import static dev.provgate.policy.PolicyTesting.pypi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Finding;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEngineTest {
    private static final String POLICY = """
            builtin_classification: false
            default_tier: product
            tiers:
              0:
                name: critical
                requires:
                  hashes: true
                  provenance: attested
                  approval: {severity: warn}
              2:
                name: product
                severity: warn
                requires:
                  hashes: true
                  install_scripts: {severity: block}
            rules:
              - package: pkg:pypi/litellm
                tier: critical
            blocked:
              - package: pkg:npm/event-stream@3.3.6
                reason: shipped flatmap-stream
              - package: pkg:npm/request
                reason: deprecated
                severity: warn
            """;

    @Test
    void findingsCarryRuleTierSeverityAndUnverifiedReason() {
        Component litellm = pypi("litellm", "1.82.7").location(new Location("poetry.lock", 40)).build();
        List<Finding> findings = PolicyTesting.engine(POLICY).evaluate(List.of(evidence(litellm)));
        assertEquals(List.of(
                "tier/approval warn critical 1.82.7 is not in approved: (no baseline to compare with, so every "
                        + "locked version in this tier needs an approval)",
                "tier/hashes block critical no hash in the lockfile for litellm@1.82.7",
                "tier/provenance block critical unverified: no provenance evidence (run with attestations)"),
                findings.stream().map(PolicyEngineTest::line).toList());
        assertTrue(findings.stream().allMatch(f -> f.component() == litellm && !f.suppressed()));
        assertTrue(findings.get(0).remediation().contains("pkg:pypi/litellm@1.82.7"), findings.get(0).remediation());
    }

    @ParameterizedTest(name = "{0}@{1}")
    @CsvSource(delimiter = '|', textBlock = """
            event-stream | 3.3.6 | policy/blocked block product blocked by policy: shipped flatmap-stream (trust-tiers.yaml:20)
            event-stream | 3.3.5 | ''
            request      | 2.88.2 | policy/blocked warn product blocked by policy: deprecated (trust-tiers.yaml:22)
            """)
    void blockedPackagesAndVersions(String name, String version, String expected) {
        Component c = npm(name, version).hash(new dev.provgate.model.Hash(dev.provgate.model.HashAlgorithm.SHA1,
                "ab".repeat(20))).build();
        List<String> lines = PolicyTesting.engine(POLICY).evaluate(List.of(evidence(c))).stream()
                .map(PolicyEngineTest::line).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), lines);
    }

    @Test
    void severityPerRuleOverridesTheTierDefault() {
        Component c = npm("sharp", "0.33.0").installScript(InstallScript.RUNS).build();
        List<String> lines = PolicyTesting.engine(POLICY).evaluate(List.of(evidence(c))).stream()
                .map(PolicyEngineTest::line).toList();
        assertEquals(List.of("tier/hashes warn product no hash in the lockfile for sharp@0.33.0",
                "tier/install-scripts block product runs an install script at install time (hasInstallScript in the lockfile)"),
                lines);
    }

    @Test
    void findingsAreSortedByLocationWhateverTheInputOrder() {
        Component a = npm("a", "1.0.0").location(new Location("package-lock.json", 30)).build();
        Component b = npm("b", "1.0.0").location(new Location("package-lock.json", 10)).build();
        PolicyEngine engine = PolicyTesting.engine(POLICY);
        List<Finding> one = engine.evaluate(List.of(evidence(a), evidence(b)));
        List<Finding> two = engine.evaluate(List.of(evidence(b), evidence(a)));
        assertEquals(one, two);
        assertEquals("b", one.get(0).component().name());
    }

    @Test
    void noRequirementsNoFindings() {
        PolicyEngine engine = PolicyTesting.engine(PolicyTesting.TIERS);
        assertEquals(List.of(), engine.evaluate(List.of(evidence(npm("left-pad", "1.3.0").build()))));
        assertNull(engine.classify(npm("left-pad", "1.3.0").build()).rule());
    }

    @Test
    void perComponentFindingsAreTheSameAsTheListOnes() {
        PolicyEngine engine = PolicyTesting.engine(POLICY);
        Component a = npm("a", "1.0.0").installScript(InstallScript.RUNS).build();
        Component b = pypi("litellm", "1.82.7").build();
        List<Finding> each = new java.util.ArrayList<>(engine.findings(evidence(b), Baseline.none()));
        each.addAll(engine.findings(evidence(a), Baseline.none()));
        assertEquals(new java.util.HashSet<>(engine.findings(List.of(evidence(a), evidence(b)), Baseline.none())),
                new java.util.HashSet<>(each));
        assertEquals(5, each.size());
    }

    @Test
    void everyRuleIdHasOneDescription() {
        assertEquals(List.of("tier/hashes", "tier/sources", "tier/install-scripts", "tier/release-age",
                "tier/provenance", "tier/approval", "tier/pinning", "tier/owners", "policy/blocked",
                "policy/exception-expired",
                "policy/exception-unused"), RuleIds.ALL);
        assertTrue(RuleIds.DESCRIPTIONS.stream().allMatch(d -> !d.shortDescription().isEmpty()
                && !d.help().isEmpty() && d.name().matches("[A-Z][A-Za-z]+")));
    }

    static String line(Finding f) {
        return f.ruleId() + " " + f.severity().label() + " " + f.tier() + " " + f.message();
    }
}
