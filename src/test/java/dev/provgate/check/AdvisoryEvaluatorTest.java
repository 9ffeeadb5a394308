// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.ReleaseInfo;
import dev.provgate.model.Severity;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdvisoryEvaluatorTest {
    private static final Component REGISTRY = Component.builder(Ecosystem.PYPI, "litellm", "1.82.8").build();
    private static final Component UNPINNED = Component.builder(Ecosystem.PYPI, "litellm", "").build();
    private static final Component LATEST = Component.builder(Ecosystem.PYPI, "litellm", "latest").build();
    private static final Component GIT = Component.builder(Ecosystem.PYPI, "litellm", "1.82.8")
            .source(Source.of(SourceKind.GIT, "https://git.example.invalid/litellm.git")).build();

    @ParameterizedTest(name = "{0} malicious={1} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "VERSION   | true  | registry | advisory/malicious  | BLOCK | MAL-1: litellm@1.82.8 is a known-malicious "
                    + "version: bad release",
            "VERSION   | false | registry | advisory/vulnerable | BLOCK | MAL-1: litellm@1.82.8 is affected: bad release",
            "HASH      | true  | registry | advisory/malicious  | BLOCK | MAL-1: a locked file of litellm@1.82.8 has the "
                    + "digest of a known-bad file (malicious): bad release",
            "HASH      | false | registry | advisory/vulnerable | BLOCK | MAL-1: a locked file of litellm@1.82.8 has the "
                    + "digest of a known-bad file: bad release",
            "NAME_ONLY | true  | git      | advisory/name-only  | WARN  | MAL-1: litellm comes from git "
                    + "(https://git.example.invalid/litellm.git) and only shares the name of the affected registry "
                    + "package: bad release",
            "NAME_ONLY | true  | latest   | advisory/name-only  | WARN  | MAL-1: litellm@latest comes from the registry "
                    + "but its version cannot be compared with the advisory's affected versions: bad release",
            "NAME_ONLY | true  | unpinned | advisory/name-only  | WARN  | MAL-1: litellm comes from the registry with no "
                    + "version locked: it may install a version the advisory names: bad release",
    })
    void basisDecidesRuleAndSeverity(MatchBasis basis, boolean malicious, String source, String rule,
                                     Severity severity, String message) {
        AdvisoryMatch m = new AdvisoryMatch("MAL-1", List.of("GHSA-x"), "bad release", basis, "pin it", malicious);
        Component c = switch (source) {
            case "git" -> GIT;
            case "latest" -> LATEST;
            case "unpinned" -> UNPINNED;
            default -> REGISTRY;
        };
        List<Finding> findings = new AdvisoryEvaluator().evaluate(new ComponentEvidence(c, List.of(m)));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(rule, f.ruleId());
        assertEquals(severity, f.severity());
        assertEquals(message, f.message());
        assertEquals("pin it", f.remediation());
        assertEquals(List.of(m), f.evidence());
    }

    @Test
    void otherEvidenceIsNotItsBusiness() {
        ComponentEvidence e = new ComponentEvidence(REGISTRY, List.of(new ReleaseInfo(Instant.EPOCH, "cache")));
        assertEquals(List.of(), new AdvisoryEvaluator().evaluate(e));
    }

    @Test
    void recordWithoutIdStillReads() {
        AdvisoryMatch m = new AdvisoryMatch("", List.of(), "", MatchBasis.VERSION, "", true);
        Finding f = new AdvisoryEvaluator().evaluate(new ComponentEvidence(REGISTRY, List.of(m))).get(0);
        assertEquals("advisory without id: litellm@1.82.8 is a known-malicious version", f.message());
    }
}
