// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecificationVersion;
import dev.provgate.model.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReporterTest {
    private static final SchemaAssert REPORT_SCHEMA = load();
    private static final JsonReporter REPORTER = new JsonReporter("1.2.3");

    private static SchemaAssert load() {
        try {
            return SchemaAssert.load(Files.newInputStream(Path.of("docs/report.schema.json")),
                    SpecificationVersion.DRAFT_2020_12);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<CheckResult> results() {
        return SampleResults.all();
    }

    @ParameterizedTest
    @MethodSource("results")
    void outputMatchesTheDocumentedSchema(CheckResult r) {
        REPORT_SCHEMA.valid(SampleResults.render(REPORTER, r));
    }

    @Test
    void theSchemaRejectsUndocumentedAndMissingFields() {
        String json = SampleResults.render(REPORTER, SampleResults.mixed());
        assertFalse(REPORT_SCHEMA.errors(json.replace("\"ruleId\"", "\"rule\"")).isEmpty());
        assertFalse(REPORT_SCHEMA.errors(json.replace("\"verdict\": \"blocked\"", "\"verdict\": \"maybe\"")).isEmpty());
    }

    @Test
    void summaryAndFindingFields() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(SampleResults.render(REPORTER, SampleResults.mixed()));
        assertEquals("blocked", doc.get("verdict").asText());
        assertEquals(1, doc.at("/summary/block").asInt());
        assertEquals(1, doc.at("/summary/warn").asInt());
        assertEquals(1, doc.at("/summary/suppressed").asInt());
        assertEquals(2, doc.at("/summary/skippedDev").asInt());
        JsonNode first = doc.at("/findings/0");
        assertEquals("advisory/malicious", first.get("ruleId").asText());
        assertEquals("MAL-2018-1", first.at("/evidence/0/id").asText());
        assertEquals("GHSA-mh6f-8j2x-4483", first.at("/evidence/0/aliases/0").asText());
        assertEquals("express@4.18.2", first.at("/dependencyPath/0").asText());
        assertEquals(57, first.at("/location/line").asInt());
        assertEquals("unverified", doc.at("/findings/2/evidence/0/outcome").asText());
        assertEquals("2026-12-31", doc.at("/findings/2/suppression/expires").asText());
        assertEquals("https://github.com/psf/requests",
                doc.at("/findings/3/evidence/0/identity/sourceRepository").asText());
    }

    @Test
    void emptyArraysAndLineEndingsAreTheSameEverywhere() {
        String json = SampleResults.render(REPORTER, SampleResults.empty());
        assertFalse(json.contains("\r"));
        assertFalse(json.contains("[ ]"));
        assertEquals(json, SampleResults.render(REPORTER, SampleResults.empty()));
    }
}
