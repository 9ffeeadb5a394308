// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import dev.provgate.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate sbom} end to end, on SBOM inputs (the lockfile parsers are other helpers' work). */
class SbomCommandTest {
    @TempDir
    Path dir;

    private Path project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("shop"));
        Path sub = Files.createDirectories(project.resolve("svc"));
        Files.write(project.resolve("nested.cdx.json"), SbomTesting.fixture("nested-components.cdx.json").bytes());
        Files.write(sub.resolve("relationships.spdx.json"), SbomTesting.fixture("relationships.spdx.json").bytes());
        return project;
    }

    @Test
    void writesCycloneDx16JsonToStdout() throws IOException {
        Path project = project();
        CliRunner.Result r = CliRunner.run("sbom", project.toString());
        assertEquals(ExitCodes.PASSED, r.exitCode(), r.err());
        byte[] out = r.out().getBytes(StandardCharsets.UTF_8);
        SbomTesting.assertSchemaValid(out, SbomFormat.JSON, SpecVersion.V1_6);
        JsonNode bom = new ObjectMapper().readTree(out);
        assertEquals("1.6", bom.get("specVersion").asText());
        assertEquals("shop", bom.get("metadata").get("component").get("name").asText());
        assertEquals(7, bom.get("components").size(), r.out());
        assertTrue(r.out().contains("nested.cdx.json (sbom/cyclonedx-json)"), r.out());
        assertTrue(r.out().contains("svc/relationships.spdx.json (sbom/spdx-json)"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void writesXml14ToAFileAndTheSameBytesEveryTime() throws IOException {
        Path project = project();
        Path out = project.resolve("bom.xml");
        String[] args = {"sbom", project.toString(), "--format", "xml", "--spec-version", "1.4", "-o", out.toString()};
        CliRunner.Result first = CliRunner.run(args);
        assertEquals(ExitCodes.PASSED, first.exitCode(), first.err());
        assertEquals("", first.out());
        byte[] written = Files.readAllBytes(out);
        SbomTesting.assertSchemaValid(written, SbomFormat.XML, SpecVersion.V1_4);
        CliRunner.Result again = CliRunner.run(args);
        assertEquals(ExitCodes.PASSED, again.exitCode(), again.err());
        assertArrayEquals(written, Files.readAllBytes(out), "bom.xml from the first run must not be read back");
        assertNoTempFilesLeft(project);
    }

    @Test
    void timestampOnlyWithTheOption() throws IOException {
        Path project = project();
        assertFalse(CliRunner.run("sbom", project.toString()).out().contains("\"timestamp\""));
        CliRunner.Result r = CliRunner.run("sbom", project.toString(), "--timestamp");
        assertTrue(new ObjectMapper().readTree(r.out()).get("metadata").has("timestamp"), r.out());
    }

    @Test
    void brokenInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path project = project();
        Files.write(project.resolve("broken.cdx.json"), SbomTesting.fixture("truncated.cdx.json").bytes());
        Path out = dir.resolve("out.cdx.json");
        CliRunner.Result r = CliRunner.run("sbom", project.toString(), "-o", out.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("provgate: " + project.resolve("broken.cdx.json").toString().replace('\\', '/')
                + ":7: invalid JSON: truncated JSON"), r.err());
        assertFalse(Files.exists(out));
        assertEquals("", r.out());
        assertNoTempFilesLeft(dir);
    }

    @Test
    void brokenInputLeavesAnEarlierOutputAlone() throws IOException {
        Path project = project();
        Path out = dir.resolve("out.cdx.json");
        Files.writeString(out, "earlier");
        Files.write(project.resolve("broken.cdx.json"), SbomTesting.fixture("wrong-bomformat.cdx.json").bytes());
        assertEquals(ExitCodes.INPUT_ERROR, CliRunner.run("sbom", project.toString(), "-o", out.toString()).exitCode());
        assertEquals("earlier", Files.readString(out));
    }

    @Test
    void noInputsIsAnInputErrorNotAnEmptySbom() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner.Result r = CliRunner.run("sbom", empty.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertTrue(r.err().contains("no lockfiles or SBOMs found"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownSpecVersionOrFormatIsAUsageError() throws IOException {
        Path project = project();
        CliRunner.Result version = CliRunner.run("sbom", project.toString(), "--spec-version", "1.7");
        assertEquals(ExitCodes.INPUT_ERROR, version.exitCode());
        assertTrue(version.err().contains("1.4, 1.5, 1.6"), version.err());
        assertEquals(ExitCodes.INPUT_ERROR, CliRunner.run("sbom", "--format", "yaml").exitCode());
    }

    @Test
    void helpShowsExamples() {
        CliRunner.Result r = CliRunner.run("sbom", "--help");
        assertEquals(ExitCodes.PASSED, r.exitCode());
        assertTrue(r.out().contains("provgate sbom app/ -o bom.cdx.json"), r.out());
        assertTrue(r.out().contains("--spec-version"), r.out());
    }

    private static void assertNoTempFilesLeft(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(".provgate-sbom-")).count());
        }
    }
}
