// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** GitHub code scanning takes at most 25,000 results a run: past that the least severe are left out, and counted. */
class SarifLimitTest {
    @Test
    void pastTheLimitTheMostSevereAreKeptAndTheRunSaysHowManyWereLeftOut() throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < SarifReporter.MAX_RESULTS + 5; i++) {
            findings.add(FindingGroupsTest.noPublishTime(FindingGroupsTest.pkg("w" + i, "1.0", i), Severity.WARN,
                    "product"));
        }
        findings.add(FindingGroupsTest.noPublishTime(FindingGroupsTest.pkg("last", "1.0", 1), Severity.BLOCK,
                "critical"));
        CheckResult result = FindingGroupsTest.result(findings);
        SchemaAssert.load(getClass().getResourceAsStream("/dev/provgate/report/sarif/sarif-2.1.0-rtm.5.json"),
                SpecificationVersion.DRAFT_4).valid(SampleResults.render(new SarifReporter("1.2.3", UnaryOperator.identity()), result));
        JsonNode run = run(result);
        JsonNode results = run.get("results");
        assertEquals(25_000, results.size());
        assertEquals("error", results.get(0).get("level").asText(), "the blocking finding is kept, first");
        assertEquals("6 results left out: code scanning takes at most 25,000 a run, so the least severe were "
                + "dropped; the JSON report (--output json=FILE) has every finding.",
                run.get("invocations").get(0).get("toolExecutionNotifications").get(0).get("message").get("text")
                        .asText());
    }

    @Test
    void atTheLimitNothingIsLeftOutAndNothingIsSaid() throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < SarifReporter.MAX_RESULTS; i++) {
            findings.add(FindingGroupsTest.noPublishTime(FindingGroupsTest.pkg("w" + i, "1.0", i), Severity.WARN,
                    "product"));
        }
        JsonNode run = run(FindingGroupsTest.result(findings));
        assertEquals(25_000, run.get("results").size());
        assertFalse(run.has("invocations"));
        assertTrue(run.get("results").get(24_999).get("message").get("text").asText().contains("w24999@1.0"));
    }

    private static JsonNode run(CheckResult r) throws Exception {
        return new ObjectMapper().readTree(SampleResults.render(new SarifReporter("1.2.3", UnaryOperator.identity()), r)).get("runs").get(0);
    }
}
