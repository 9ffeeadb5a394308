// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import dev.provgate.check.AdvisoryEvaluator;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.CheckResult;
import dev.provgate.model.CheckedLockfile;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.Location;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ReleaseInfo;
import dev.provgate.model.Scope;
import dev.provgate.model.Severity;
import dev.provgate.model.SignerIdentity;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import dev.provgate.model.Suppression;
import dev.provgate.model.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Check results that exercise every part of every report: each severity, suppression, evidence kind, odd text. */
final class SampleResults {
    static final Component EVENT_STREAM = Component.builder(Ecosystem.NPM, "event-stream", "3.3.6")
            .location(new Location("app/package-lock.json", 41)).build();
    static final Component FLATMAP = Component.builder(Ecosystem.NPM, "flatmap-stream", "0.1.1")
            .location(new Location("app/package-lock.json", 57)).build();
    static final Component EXPRESS = Component.builder(Ecosystem.NPM, "express", "4.18.2").direct(true)
            .location(new Location("app/package-lock.json", 12)).build();
    static final Component LITELLM_GIT = Component.builder(Ecosystem.PYPI, "litellm", "1.82.8").direct(true)
            .source(Source.of(SourceKind.GIT, "https://git.example.invalid/team/litellm.git"))
            .location(new Location("svc/poetry.lock", 12)).build();
    static final Component REQUESTS = Component.builder(Ecosystem.PYPI, "requests", "2.32.3").direct(true)
            .location(new Location("svc/poetry.lock", 30)).build();
    static final Component ODD = Component.builder(Ecosystem.PYPI, "odd|name", "1.0").scope(Scope.DEV)
            .location(new Location("other dir/requirements.txt", 0)).build();

    private SampleResults() {
    }

    /** Blocked: one malicious transitive package; a name-only warning; a suppressed policy finding; an info. */
    static CheckResult mixed() {
        AdvisoryMatch malicious = new AdvisoryMatch("MAL-2018-1", List.of("GHSA-mh6f-8j2x-4483"),
                "flatmap-stream 0.1.1 steals wallets", MatchBasis.VERSION, "remove event-stream 3.3.6", true);
        AdvisoryMatch nameOnly = new AdvisoryMatch("MAL-2026-2144", List.of("PYSEC-2026-2", "GHSA-5mg7-485q-xm76"),
                "litellm 1.82.8 runs a credential stealer", MatchBasis.NAME_ONLY, "pin litellm to 1.82.6 or earlier",
                true);
        ProvenanceResult unverified = ProvenanceResult.unverified("npm-provenance", "no attestation published");
        ProvenanceResult verified = new ProvenanceResult("pypi-attestation", ProvenanceResult.Outcome.VERIFIED, "",
                new SignerIdentity("https://token.actions.githubusercontent.com", "repo:psf/requests",
                        "https://github.com/psf/requests", ".github/workflows/publish.yml", "refs/tags/v2.32.3", ""),
                "ab".repeat(32), 123456, Instant.parse("2026-03-01T10:00:00Z"));
        List<Finding> findings = List.of(
                new Finding(AdvisoryEvaluator.MALICIOUS, Severity.BLOCK, FLATMAP,
                        "MAL-2018-1: flatmap-stream@0.1.1 is a known-malicious version: flatmap-stream 0.1.1 steals "
                                + "wallets", "remove event-stream 3.3.6",
                        List.of("express@4.18.2", "event-stream@3.3.6", "flatmap-stream@0.1.1"), "", null,
                        List.of(malicious)),
                new Finding(AdvisoryEvaluator.NAME_ONLY, Severity.WARN, LITELLM_GIT,
                        "MAL-2026-2144: litellm comes from git and only shares the name | of a *registry* package",
                        nameOnly.remediation(), List.of(), "", null, List.of(nameOnly)),
                new Finding("tier/provenance", Severity.BLOCK, EVENT_STREAM,
                        "no provenance for a tier-1 package", "", List.of("express@4.18.2", "event-stream@3.3.6"),
                        "1", new Suppression("vendored and reviewed", "security-team", LocalDate.parse("2026-12-31")),
                        List.of(unverified, new ReleaseInfo(Instant.parse("2018-09-09T00:00:00Z"), "npm cache"))),
                new Finding("tier/info", Severity.INFO, ODD, "odd name <b>\u0001</b>", "", List.of(), "", null,
                        List.of(verified)));
        List<CheckedLockfile> lockfiles = List.of(
                new CheckedLockfile("app/package-lock.json", "npm/package-lock", Ecosystem.NPM,
                        List.of(EXPRESS, EVENT_STREAM, FLATMAP), 0),
                new CheckedLockfile("svc/poetry.lock", "python/poetry", Ecosystem.PYPI,
                        List.of(LITELLM_GIT, REQUESTS), 2));
        return new CheckResult(lockfiles, new AdvisoryEvaluator().rules(), new Verdict(findings), Severity.BLOCK,
                true);
    }

    /** Passed: one lockfile, nothing found. */
    static CheckResult clean() {
        return new CheckResult(List.of(new CheckedLockfile("svc/poetry.lock", "python/poetry", Ecosystem.PYPI,
                List.of(REQUESTS), 0)), new AdvisoryEvaluator().rules(), new Verdict(List.of()), Severity.BLOCK,
                false);
    }

    /** Nothing to check at all (--allow-empty). */
    static CheckResult empty() {
        return new CheckResult(List.of(), List.of(), new Verdict(List.of()), Severity.WARN, false);
    }

    static List<CheckResult> all() {
        return List.of(mixed(), clean(), empty());
    }

    static Reporters.Settings settings(boolean colour) {
        return new Reporters.Settings("test", colour);
    }

    static String render(Reporter reporter, CheckResult result) {
        java.io.StringWriter s = new java.io.StringWriter();
        reporter.write(result, new java.io.PrintWriter(s));
        return s.toString();
    }
}
