// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.CheckResult;
import dev.provgate.model.CheckedLockfile;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Evidence;
import dev.provgate.model.Finding;
import dev.provgate.model.Location;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.Severity;
import dev.provgate.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingGroupsTest {
    static Component pkg(String name, String version, int line) {
        return Component.builder(Ecosystem.NPM, name, version).location(new Location("package-lock.json", line))
                .build();
    }

    static Finding noPublishTime(Component c, Severity severity, String tier) {
        return new Finding("tier/release-age", severity, c, "unverified: no publish date for " + c.coordinates()
                + ": no publish time in ./attestations (run provgate attestations fetch)",
                "provide release metadata", List.of(), tier, null, List.of());
    }

    static Finding notApproved(Component c) {
        return new Finding("tier/approval", Severity.BLOCK, c, c.version() + " is not in approved:",
                "add '- {package: " + c.purl() + ", by: NAME}' to approved:", List.of(), "critical", null, List.of());
    }

    static CheckResult result(List<Finding> findings) {
        return new CheckResult(List.of(new CheckedLockfile("package-lock.json", "npm/package-lock", Ecosystem.NPM,
                findings.stream().map(Finding::component).distinct().toList(), 0)), List.of(),
                new Verdict(findings), Severity.BLOCK, false);
    }

    @Test
    void oneGroupPerCauseWithTheTiersAndThePackageTakenOut() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            findings.add(noPublishTime(pkg("p" + i, "1." + i, i), Severity.WARN, i % 2 == 0 ? "product" : "tooling"));
        }
        FindingGroups g = FindingGroups.of(result(findings));
        assertEquals(List.of(), g.single());
        assertEquals(1, g.grouped().size());
        FindingGroups.Group group = g.grouped().get(0);
        assertEquals("unverified: no publish date: no publish time in ./attestations (run provgate attestations "
                + "fetch)", group.cause());
        assertEquals(List.of("product", "tooling"), group.tiers());
        assertEquals(findings, group.findings());
    }

    @Test
    void versionsAndPurlsAreTakenOutToo() {
        List<Finding> findings = List.of(notApproved(pkg("@scope/a", "4.0.0", 1)), notApproved(pkg("b", "1.2.3", 2)),
                notApproved(pkg("c", "0.1.0", 3)));
        FindingGroups.Group group = FindingGroups.of(result(findings)).grouped().get(0);
        assertEquals("the version is not in approved:", group.cause());
        assertEquals("add '- {package: PURL, by: NAME}' to approved:", group.fix());
        assertEquals(3, group.findings().size());
    }

    @Test
    void advisoriesFailedVerificationsAndRareCausesStayOnTheirOwnBlockingFirst() {
        AdvisoryMatch advisory = new AdvisoryMatch("MAL-1", List.of(), "bad", AdvisoryMatch.MatchBasis.VERSION,
                "remove it", true);
        ProvenanceResult failed = new ProvenanceResult("npm-provenance", ProvenanceResult.Outcome.FAILED,
                "signed by someone else", null, "", -1, null);
        List<Finding> findings = new ArrayList<>();
        findings.add(noPublishTime(pkg("rare", "1.0", 1), Severity.WARN, "product"));
        for (int i = 0; i < 4; i++) {
            findings.add(finding("advisory/malicious", pkg("m" + i, "1.0", 10 + i), "known-malicious", advisory));
            findings.add(finding("tier/provenance", pkg("s" + i, "1.0", 20 + i), "npm-provenance failed", failed));
        }
        FindingGroups g = FindingGroups.of(result(findings));
        assertEquals(List.of(), g.grouped());
        assertEquals(9, g.single().size());
        assertEquals("rare@1.0", g.single().get(8).component().coordinates(), "the warning comes after the blocks");
        assertEquals("m0@1.0", g.single().get(0).component().coordinates(), "otherwise in report order");
    }

    @Test
    void blockingGroupsComeFirstThenTheLargest() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            findings.add(noPublishTime(pkg("w" + i, "1.0", i), Severity.WARN, "product"));
        }
        for (int i = 0; i < 3; i++) {
            findings.add(noPublishTime(pkg("b" + i, "1.0", 10 + i), Severity.BLOCK, "critical"));
        }
        List<FindingGroups.Group> groups = FindingGroups.of(result(findings)).grouped();
        assertEquals(List.of(true, false), groups.stream().map(FindingGroups.Group::blocking).toList());
    }

    private static Finding finding(String rule, Component c, String message, Evidence evidence) {
        return new Finding(rule, Severity.BLOCK, c, message, "", List.of(), "", null, List.of(evidence));
    }
}
