// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsvParserTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = OsvParserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void yamlValuesStayStrings() throws IOException {
        OsvRecord r = OsvParser.parse("yaml-numbers-stay-strings.yaml", fixture("yaml-numbers-stay-strings.yaml"));
        OsvAffected a = r.affected().get(0);
        assertEquals(List.of("1.10", "1.11", "2.0", "1e3", "yes"), a.versions());
        assertEquals(List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, "1.10"), new OsvEvent(OsvEvent.Kind.FIXED, "1.20")),
                a.ranges().get(0).events());
        assertEquals("2025-07-31T14:34:47Z", r.modified());
        assertEquals("PYSEC-0000-1", r.id());
        assertTrue(r.aliases().isEmpty());
        assertFalse(r.malicious());
    }

    @Test
    void missingIdIsNamedAfterItsFile() {
        String json = "{\"affected\": [{\"package\": {\"ecosystem\": \"npm\", \"name\": \"x\"}, \"versions\": [\"1.0.0\"]}]}";
        OsvRecord r = OsvParser.parse("osv/npm/x/MAL-0000-x.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals("MAL-0000-x", r.id());
        assertTrue(r.idMissing());
        assertTrue(r.malicious(), "MAL- file name");
    }

    @Test
    void iocDigestsAreKept() {
        String json = "{\"id\": \"MAL-9\", \"affected\": [{\"package\": {\"ecosystem\": \"Maven\", \"name\": \"g:a\"},"
                + " \"versions\": [\"1.0\"]}], \"database_specific\": {\"iocs\": {\"files\": [{\"paths\": [\"a.jar\"],"
                + " \"digests\": {\"sha256\": \"" + "AB".repeat(32) + "\"}}]}}}";
        OsvRecord r = OsvParser.parse("MAL-9.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new FileDigest("Maven", "g:a", "", "a.jar", "ab".repeat(32))), r.digests());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated.json|truncated.json:4: invalid JSON",
            "affected-not-a-list.json|affected-not-a-list.json:3: affected: expected a list",
            "ranges-not-a-list.yaml|ranges-not-a-list.yaml:6: ranges: expected a list",
            "broken.yaml|broken.yaml:1: invalid YAML",
            "not-a-record.json|not-a-record.json:1: advisory: expected an object",
            "empty.json|empty.json:1: empty advisory file",
    })
    void malformedFilesNameFileAndLine(String file, String expected) throws IOException {
        byte[] bytes = fixture(file);
        AdvisoryFormatException e = assertThrows(AdvisoryFormatException.class, () -> OsvParser.parse(file, bytes));
        assertTrue(e.userMessage().startsWith(expected), e.userMessage());
    }
}
