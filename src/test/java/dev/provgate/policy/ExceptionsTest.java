// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static dev.provgate.policy.PolicyTesting.evidence;
import static dev.provgate.policy.PolicyTesting.npm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.Component;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExceptionsTest {
    private static final String POLICY = """
            builtin_classification: false
            tiers:
              2:
                name: product
                requires:
                  hashes: true
            exceptions:
              - package: %s
                rule: %s
                reason: vendored tarball, reviewed
                owner: alice
                expires: 2026-06-30
            """;
    private static final Component LEFT_PAD = npm("left-pad", "1.3.0").build();

    /** Each row: the exception's package and rule, the day it is evaluated, what comes out (by location). */
    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            pkg:npm/left-pad        | tier/hashes    | 2026-06-15 | tier/hashes suppressed by alice
            pkg:npm/left-pad        | tier/hashes    | 2026-06-30 | tier/hashes suppressed by alice
            pkg:npm/left-pad@1.3.0  | tier/hashes    | 2026-06-15 | tier/hashes suppressed by alice
            pkg:npm/left-pad        | tier/*         | 2026-06-15 | tier/hashes suppressed by alice
            pkg:npm/left-*          | tier/hashes    | 2026-06-15 | tier/hashes suppressed by alice
            pkg:npm/left-pad        | tier/hashes    | 2026-07-01 | tier/hashes block; policy/exception-expired warn
            pkg:npm/left-pad@1.2.0  | tier/hashes    | 2026-06-15 | tier/hashes block; policy/exception-unused warn
            pkg:npm/left-pad        | tier/approval  | 2026-06-15 | tier/hashes block; policy/exception-unused warn
            pkg:npm/right-pad       | tier/hashes    | 2026-06-15 | tier/hashes block; policy/exception-unused warn
            """)
    void exceptionSilencesExpiresOrGoesUnused(String pkg, String rule, String day, String expected) {
        Instant at = Instant.parse(day + "T23:59:00Z");
        PolicyEngine engine = PolicyTesting.engine(POLICY.formatted(pkg, rule), at);
        List<Finding> findings = engine.evaluate(List.of(evidence(LEFT_PAD)));
        assertEquals(expected, String.join("; ", findings.stream().map(ExceptionsTest::describe).toList()));
    }

    @Test
    void housekeepingFindingsPointAtTheExceptionInThePolicy() {
        PolicyEngine engine = PolicyTesting.engine(POLICY.formatted("pkg:npm/left-pad", "tier/hashes"),
                Instant.parse("2026-07-01T00:00:00Z"));
        Finding expired = engine.evaluate(List.of()).get(0);
        assertEquals("trust-tiers.yaml:8", expired.location().toString());
        assertEquals("exception for tier/hashes on pkg:npm/left-pad expired on 2026-06-30 (owner alice); what it "
                + "silenced is reported again", expired.message());
        assertEquals(Severity.WARN, expired.severity());
    }

    @Test
    void exceptionsApplyToOtherFindingsToo() {
        PolicyEngine engine = PolicyTesting.engine(POLICY.formatted("pkg:npm/left-pad", "advisory/malicious"));
        Finding advisory = new Finding("advisory/malicious", Severity.BLOCK, LEFT_PAD, "MAL-0000-1", "",
                List.of(), "", null, List.of());
        List<Finding> out = engine.applyExceptions(List.of(advisory));
        assertEquals(1, out.size());
        assertEquals("alice", out.get(0).suppression().owner());
    }

    private static String describe(Finding f) {
        return f.ruleId() + (f.suppressed() ? " suppressed by " + f.suppression().owner() : " "
                + f.severity().label());
    }
}
