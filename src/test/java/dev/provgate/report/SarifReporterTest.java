// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import dev.provgate.model.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReporterTest {
    /** The SARIF 2.1.0 schema as Microsoft ships it (see the README beside it). */
    private static final SchemaAssert SARIF = SchemaAssert.load(
            SarifReporterTest.class.getResourceAsStream("/dev/provgate/report/sarif/sarif-2.1.0-rtm.5.json"),
            SpecificationVersion.DRAFT_4);

    private static final SarifReporter REPORTER = new SarifReporter("1.2.3", UnaryOperator.identity());

    static List<CheckResult> results() {
        return SampleResults.all();
    }

    private static JsonNode log(CheckResult r) throws Exception {
        return new ObjectMapper().readTree(SampleResults.render(REPORTER, r));
    }

    @ParameterizedTest
    @MethodSource("results")
    void outputIsValidSarif210(CheckResult r) {
        SARIF.valid(SampleResults.render(REPORTER, r));
    }

    @Test
    void theSchemaCatchesABrokenLog() {
        String broken = SampleResults.render(REPORTER, SampleResults.mixed()).replace("\"error\"", "\"fatal\"");
        assertFalse(SARIF.errors(broken).isEmpty());
    }

    @Test
    void driverNamesProvgateAndDescribesEachRule() throws Exception {
        JsonNode driver = log(SampleResults.mixed()).at("/runs/0/tool/driver");
        assertEquals("provgate", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        List<String> ids = new ArrayList<>();
        driver.get("rules").forEach(rule -> ids.add(rule.get("id").asText()));
        assertEquals(List.of("advisory/malicious", "advisory/name-only", "advisory/vulnerable", "tier/info",
                "tier/provenance"), ids);
        JsonNode malicious = driver.at("/rules/0");
        assertEquals("KnownMaliciousPackage", malicious.get("name").asText());
        assertFalse(malicious.at("/shortDescription/text").asText().isEmpty());
        assertFalse(malicious.at("/help/text").asText().isEmpty());
        assertEquals("error", malicious.at("/defaultConfiguration/level").asText());
    }

    @ParameterizedTest(name = "result {0}: {1} {2} at {3}:{4}")
    @CsvSource({
            "0, advisory/malicious, error,   app/package-lock.json,          57",
            "1, advisory/name-only, warning, svc/poetry.lock,                12",
            "2, tier/provenance,    error,   app/package-lock.json,          41",
            "3, tier/info,          note,    other%20dir/requirements.txt,   0",
    })
    void resultsSitOnTheLockfileLine(int index, String rule, String level, String uri, int line) throws Exception {
        JsonNode log = log(SampleResults.mixed());
        JsonNode result = log.at("/runs/0/results/" + index);
        assertEquals(rule, result.get("ruleId").asText());
        assertEquals(rule, log.at("/runs/0/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText());
        assertEquals(level, result.get("level").asText());
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertEquals(uri, physical.at("/artifactLocation/uri").asText());
        assertEquals(line == 0, physical.at("/region").isMissingNode());
        if (line > 0) {
            assertEquals(line, physical.at("/region/startLine").asInt());
        }
    }

    @Test
    void suppressedFindingsCarrySuppressions() throws Exception {
        JsonNode results = log(SampleResults.mixed()).at("/runs/0/results");
        assertEquals("external", results.at("/2/suppressions/0/kind").asText());
        assertEquals("accepted", results.at("/2/suppressions/0/status").asText());
        assertEquals("vendored and reviewed (security-team, until 2026-12-31)",
                results.at("/2/suppressions/0/justification").asText());
        assertTrue(results.at("/0/suppressions").isMissingNode());
    }

    @Test
    void messageSaysWhereItComesFromAndWhatToDo() throws Exception {
        JsonNode result = log(SampleResults.mixed()).at("/runs/0/results/0");
        assertEquals("MAL-2018-1: flatmap-stream@0.1.1 is a known-malicious version: flatmap-stream 0.1.1 steals "
                + "wallets (transitive: express@4.18.2 > event-stream@3.3.6 > flatmap-stream@0.1.1). "
                + "Fix: remove event-stream 3.3.6", result.at("/message/text").asText());
        assertEquals("pkg:npm/flatmap-stream@0.1.1", result.at("/properties/purl").asText());
        assertEquals(64, result.at("/partialFingerprints/provgateFinding~1v1").asText().length());
    }

    @Test
    void uriEncodesWhatAPathMayHold() {
        assertEquals("a%20b/%C3%A9/C%3A/x%23y.lock", SarifReporter.uri("a b/é/C:/x#y.lock"));
    }
}
