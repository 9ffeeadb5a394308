// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Evidence;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Matching against the built-in snapshot (generated from ../shared/advisories; needs no ../shared). */
class AdvisoryEnricherTest {
    private static final AdvisoryEnricher ENRICHER = new AdvisoryEnricher(AdvisoryDatabase.builtIn());
    private static final String LITELLM_1_82_7_WHEEL = "8395c3268d5c5dbae1c7c6d4bb3c318c752ba4608cfcd90eb97ffb94a910eac2";

    private static List<AdvisoryMatch> matches(Component c) {
        List<Evidence> evidence = ENRICHER.evidenceFor(c);
        return evidence.stream().map(AdvisoryMatch.class::cast).toList();
    }

    private static String ids(List<AdvisoryMatch> m) {
        return String.join(" ", m.stream().map(x -> x.advisoryId() + ":" + x.basis()).toList());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "PYPI|litellm|1.82.8|GHSA-5mg7-485q-xm76:VERSION MAL-0000-ghsa-malware-979ed75d242b491b:VERSION "
                    + "MAL-2026-2144:VERSION PYSEC-2026-2:VERSION",
            "PYPI|LiteLLM|1.82.7|GHSA-5mg7-485q-xm76:VERSION MAL-0000-ghsa-malware-979ed75d242b491b:VERSION "
                    + "MAL-2026-2144:VERSION PYSEC-2026-2:VERSION",
            "PYPI|litellm|1.82.6|''",
            "PYPI|litellm|1.82.9|''",
            "NPM|flatmap-stream|0.1.1|GHSA-mh6f-8j2x-4483:VERSION MAL-2025-20690:VERSION",
            "NPM|event-stream|3.3.6|GHSA-mh6f-8j2x-4483:VERSION",
            "NPM|event-stream|3.3.5|''",
            "NPM|ua-parser-js|0.7.29|GHSA-pjwm-rvh2-c87w:VERSION",
            "NPM|ua-parser-js|0.7.30|''",
            "NPM|@solana/web3.js|1.95.7|GHSA-jcxm-7wvp-g6p5:VERSION MAL-2024-11183:VERSION",
            "MAVEN|com.tbruyelle.rxpermissions2:rxpermissions|0.9.4|MAL-0000-rxpermissions:VERSION",
            "MAVEN|io.github.leetcrunch:scribejava-core|8.3.3|MAL-2025-2552:VERSION",
            "PYPI|ultralytics|8.3.44|PYSEC-2024-154:VERSION",
            "PYPI|ultralytics|8.3.47|''",
            "NPM|ua-parser-js|latest|GHSA-pjwm-rvh2-c87w:NAME_ONLY",
    })
    void registryComponents(Ecosystem ecosystem, String name, String version, String expected) {
        assertEquals(expected, ids(matches(Component.builder(ecosystem, name, version).build())));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "litellm|1.82.7|MAL-2026-2144|malicious code in litellm 1.82.7, 1.82.8|pin litellm to 1.82.6 or earlier",
            "litellm|1.82.8|GHSA-5mg7-485q-xm76|malicious code in litellm >=1.82.7 <=1.82.8"
                    + "|pin litellm to 1.82.6 or earlier, or upgrade to a version after 1.82.8",
            "ultralytics|8.3.44|PYSEC-2024-154|known vulnerability in ultralytics 8.3.41, 8.3.42, 8.3.45, 8.3.46, "
                    + "8.3.43, 8.3.44, >=8.3.41 <8.3.47|pin ultralytics to 8.3.40 or earlier, or upgrade to 8.3.47 "
                    + "or later",
    })
    void summaryAndRemediationFromFacts(String name, String version, String id, String summary, String remediation) {
        AdvisoryMatch m = matches(Component.builder(Ecosystem.PYPI, name, version).build()).stream()
                .filter(x -> x.advisoryId().equals(id)).findFirst().orElseThrow();
        assertEquals(summary, m.summary());
        assertEquals(remediation, m.remediation());
    }

    @Test
    void removalWhenEveryVersionIsAffected() {
        AdvisoryMatch m = matches(Component.builder(Ecosystem.NPM, "flatmap-stream", "0.1.1").build()).get(1);
        assertEquals("MAL-2025-20690", m.advisoryId());
        assertEquals("remove flatmap-stream (every version is affected)", m.remediation());
        assertTrue(m.malicious());
    }

    @Test
    void knownBadWheelDigestIsAHitEvenWithAChangedVersion() {
        Component c = Component.builder(Ecosystem.PYPI, "litellm", "1.82.6")
                .hash(new Hash(HashAlgorithm.SHA256, LITELLM_1_82_7_WHEEL, "litellm-1.82.6-py3-none-any.whl")).build();
        List<AdvisoryMatch> m = matches(c);
        assertEquals("GHSA-5mg7-485q-xm76:HASH MAL-2026-2144:HASH PYSEC-2026-2:HASH", ids(m));
        assertEquals("locked file sha256:" + LITELLM_1_82_7_WHEEL + " is litellm-1.82.7-py3-none-any.whl of litellm "
                + "1.82.7 (locked as version '1.82.6')", m.get(1).summary());
    }

    @Test
    void digestFromTheRecordItselfMatchesUnderAnotherName() {
        Component c = Component.builder(Ecosystem.MAVEN, "com.example:renamed", "1.0")
                .hash(new Hash(HashAlgorithm.SHA256, "607ff6bd99f095e1ae19121df11aec6524c3524ad7115b5de7e440b4be8f7852"))
                .build();
        assertEquals("MAL-0000-rxpermissions:HASH", ids(matches(c)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"GIT|git+https://example.invalid/litellm.git", "URL|https://example.invalid/l.whl",
            "PATH|../litellm"})
    void nonRegistrySourceSharesOnlyTheName(SourceKind kind, String url) {
        Component c = Component.builder(Ecosystem.PYPI, "litellm", "1.82.8").source(Source.of(kind, url)).build();
        List<AdvisoryMatch> m = matches(c);
        assertEquals(4, m.size());
        assertTrue(m.stream().allMatch(x -> x.basis() == MatchBasis.NAME_ONLY), ids(m));
        AdvisoryMatch mal = m.get(2);
        assertEquals("MAL-2026-2144", mal.advisoryId());
        assertEquals("malicious code in litellm 1.82.7, 1.82.8", mal.summary());
        assertEquals("not the registry package (it comes from " + kind.label() + " " + url + "): check that its code "
                + "is not the compromised release", mal.remediation());
    }

    @Test
    void aVersionThatCannotBeComparedIsReportedNotPassed() {
        AdvisoryMatch m = matches(Component.builder(Ecosystem.NPM, "ua-parser-js", "latest").build()).get(0);
        assertEquals(MatchBasis.NAME_ONLY, m.basis());
        assertEquals("malicious code in ua-parser-js 0.7.29, >=0.7.29 <0.7.30; version 'latest' cannot be compared "
                + "with the record's ranges (compared by exact string only)", m.summary());
    }

    @Test
    void otherEcosystemsAndUnknownPackagesGiveNothing() {
        assertEquals(List.of(), ENRICHER.evidenceFor(Component.builder(Ecosystem.OTHER, "litellm", "1.82.8").build()));
        assertEquals(List.of(), ENRICHER.evidenceFor(Component.builder(Ecosystem.PYPI, "requests", "2.0").build()));
    }
}
