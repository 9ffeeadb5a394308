// SPDX-License-Identifier: Apache-2.0
package dev.provgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.ProvgateException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What fuzzing (the and this harness's) found, one row each: the input is now an input error with its file,
 * its line and a message that says what is wrong, not an unchecked exception.
 */
class FuzzFindingsTest {
    @TempDir
    static Path emptyRepository;

    private static ProvgateException fail(String target, String input) {
        FuzzTarget t = FuzzTarget.all(emptyRepository).stream().filter(x -> x.name().equals(target)).findFirst()
                .orElseThrow();
        byte[] bytes = input.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        return assertThrows(ProvgateException.class, () -> t.read().accept(bytes));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "maven/maven-lockfile|{\"lockFileVersion\":1,\"dependencies\":[\\n"
            + "{\"groupId\":\"a//b\",\"artifactId\":\"b\",\"version\":\"1\"}]}"
            + "|lockfile.json:2: 'a//b:b:1' are not valid Maven coordinates",
        "maven/gradle-lockfile|# gradle\\na//b:c:1=runtimeClasspath"
            + "|gradle.lockfile:2: 'a//b:c:1' are not valid Maven coordinates",
        "npm/yarn-lock|__metadata:\\n  version: 8\\n\\n\"resolve@npm:1\":\\n  version: 1.22.8\\n"
            + "  resolution: \"resolve@patch:resolve@npm%lt#x\"\\n  languageName: node\\n  linkType: hard"
            + "|yarn.lock:4: resolution 'patch:resolve@npm%lt#x': URLDecoder",
        "python/requirements|alpha==1.0\\nhttps://h/pkg/|requirements.txt:2: cannot tell the package name of "
            + "'https://h/pkg/'",
        "maven/pom|<project>\\n<modelVersion>x</modelVersion>\\n<groupId>a</groupId><artifactId>b</artifactId>"
            + "<version>1</version></project>|pom.xml:2: modelVersion is not a version number",
        "sbom/cyclonedx-json|{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\","
            + "\"components\":[{\"type\":\"library\","
            + "\"name\":\"a\",\"version\":\"1\",\"purl\":\"pkg:npm/a@1\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":"
            + "\"x\\nprovgate: PASSED\"}]}]}|bom.json:",
    })
    void isAnInputErrorWithFileAndLine(String target, String input, String expectedStart) {
        ProvgateException e = fail(target, input);
        String message = e.userMessage();
        assertTrue(message.startsWith(expectedStart), message);
        assertTrue(message.chars().noneMatch(c -> c < 0x20), "one line: " + message);
        assertTrue(!message.contains("Exception"), message);
    }

    /** A NullPointerException before: JSON null in maven-lockfile's fields is as if the field were absent. */
    @org.junit.jupiter.api.Test
    void nullFieldsInAMavenLockfileAreAbsent() {
        FuzzTarget t = FuzzTarget.all(emptyRepository).stream().filter(x -> x.name().equals("maven/maven-lockfile"))
                .findFirst().orElseThrow();
        t.read().accept(("{\"lockFileVersion\":1,\"dependencies\":[{\"groupId\":\"a\",\"artifactId\":\"b\","
                + "\"version\":\"1\",\"checksum\":null,\"checksumAlgorithm\":null,\"resolved\":null,"
                + "\"scope\":null,\"children\":[]}]}").getBytes(StandardCharsets.UTF_8));
    }

    /** The JDK's XML reader printed "[Fatal Error] ..." to stderr beside provgate's own line. */
    @ParameterizedTest
    @CsvSource({"maven/pom", "maven/gradle-verification-metadata", "sbom/cyclonedx-xml"})
    void malformedXmlPrintsNothingOfItsOwn(String target) {
        byte[] bad = "<?xml version=\"1.0\"?>\n<project>\u00ff</project>".getBytes(StandardCharsets.ISO_8859_1);
        FuzzTarget t = FuzzTarget.all(emptyRepository).stream().filter(x -> x.name().equals(target)).findFirst()
                .orElseThrow();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProvgateException e = assertThrows(ProvgateException.class, () -> t.read().accept(bad));
            assertEquals(2, e.line(), e.userMessage());
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void everyTargetIsListed() {
        List<String> names = FuzzTarget.all(emptyRepository).stream().map(FuzzTarget::name).toList();
        assertTrue(names.containsAll(List.of("policy", "osv-record", "maven/pom", "npm/package-lock",
                "python/requirements")), names.toString());
    }
}
