// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import dev.provgate.provenance.evidence.ProvenanceProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code provgate sbom --provenance}: what the store proves, as schema-valid component properties. */
class SbomProvenanceTest {
    @TempDir
    Path dir;

    private CliRunner.Result sbom(String... more) {
        new ProvenanceProject(dir).npmAttested().pypiAttested();
        String[] args = new String[more.length + 3];
        args[0] = "sbom";
        args[1] = dir.toString();
        args[2] = "--provenance";
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRunner.run(args);
    }

    /** The {@code provgate:provenance:*} properties of the component with this purl. */
    private static Map<String, String> provenance(String json, String purl) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode c : new ObjectMapper().readTree(json).path("components")) {
            if (c.path("purl").asText().equals(purl)) {
                c.path("properties").forEach(p -> {
                    if (p.path("name").asText().startsWith("provgate:provenance:")) {
                        out.put(p.path("name").asText(), p.path("value").asText());
                    }
                });
            }
        }
        return out;
    }

    @Test
    void verifiedProvenanceBecomesComponentProperties() throws Exception {
        CliRunner.Result r = sbom();
        assertEquals(0, r.exitCode(), r.err());
        Map<String, String> playwright = provenance(r.out(), "pkg:npm/%40playwright/cli@0.1.1");
        assertEquals("verified", playwright.get("provgate:provenance:npm-provenance"));
        assertEquals("https://github.com/microsoft/playwright-cli",
                playwright.get("provgate:provenance:npm-provenance:source-repository"));
        assertEquals("https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml@refs/tags/v0.1.1",
                playwright.get("provgate:provenance:npm-provenance:identity"));
        assertEquals("953297574", playwright.get("provgate:provenance:npm-provenance:log-index"));
        assertEquals("2026-02-14T23:28:43Z", playwright.get("provgate:provenance:npm-provenance:signed-at"));
        assertEquals(64, playwright.get("provgate:provenance:npm-provenance:bundle-sha256").length());
        assertEquals("verified", playwright.get("provgate:provenance:npm-publish"));
        assertEquals("unverified", playwright.get("provgate:provenance:npm-registry-signature"));

        Map<String, String> pypi = provenance(r.out(), "pkg:pypi/pypi-attestations@0.0.19");
        assertEquals("verified", pypi.get("provgate:provenance:pypi-attestation"));
        assertEquals("https://github.com/trailofbits/pypi-attestations",
                pypi.get("provgate:provenance:pypi-attestation:source-repository"));
    }

    @Test
    void withoutTheFlagThereIsNoProvenance() {
        new ProvenanceProject(dir).npmAttested();
        CliRunner.Result r = CliRunner.run("sbom", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("provgate:provenance:"));
    }

    @Test
    void sameStoreSameBytes() {
        assertEquals(sbom().out(), CliRunner.run("sbom", dir.toString(), "--provenance").out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"json, 1.6", "xml, 1.6", "json, 1.4", "xml, 1.4"})
    void schemaValid(String format, String version) {
        CliRunner.Result r = sbom("--format", format, "--spec-version", version);
        assertEquals(0, r.exitCode(), r.err());
        SbomTesting.assertSchemaValid(r.out().getBytes(StandardCharsets.UTF_8),
                format.equals("json") ? SbomFormat.JSON : SbomFormat.XML, SpecVersion.fromLabel(version).orElseThrow());
    }
}
