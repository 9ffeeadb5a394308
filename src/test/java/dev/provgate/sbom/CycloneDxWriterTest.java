// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static dev.provgate.sbom.SbomTesting.SHA1_B;
import static dev.provgate.sbom.SbomTesting.SHA256_JAR;
import static dev.provgate.sbom.SbomTesting.SHA256_SDIST;
import static dev.provgate.sbom.SbomTesting.SHA256_WHEEL;
import static dev.provgate.sbom.SbomTesting.SHA512_A;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.model.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CycloneDxWriterTest {
    private final CycloneDxWriter writer = new CycloneDxWriter();

    static Stream<Arguments> everyVersionAndFormat() {
        List<Arguments> all = new ArrayList<>();
        for (SpecVersion v : SpecVersion.values()) {
            for (SbomFormat f : SbomFormat.values()) {
                all.add(Arguments.of(v, f));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyVersionAndFormat")
    void writesSchemaValidSboms(SpecVersion version, SbomFormat format) {
        byte[] sbom = writer.write(SbomTesting.sampleInventory(), SbomTesting.options(version, format));
        SbomTesting.assertSchemaValid(sbom, format, version);
        SbomOptions withTime = new SbomOptions(version, format, "demo", "1", Instant.parse("2026-01-02T03:04:05Z"));
        SbomTesting.assertSchemaValid(writer.write(SbomTesting.sampleInventory(), withTime), format, version);
    }

    @ParameterizedTest
    @MethodSource("everyVersionAndFormat")
    void theSchemaCheckCatchesABrokenDocument(SpecVersion version, SbomFormat format) throws IOException {
        String good = new String(writer.write(SbomTesting.sampleInventory(), SbomTesting.options(version, format)),
                StandardCharsets.UTF_8);
        byte[] broken = good.replace(SbomTesting.SHA1_B, "not-hex").getBytes(StandardCharsets.UTF_8);
        var errors = format == SbomFormat.JSON
                ? new org.cyclonedx.parsers.JsonParser().validate(broken, version.cyclonedx())
                : new org.cyclonedx.parsers.XmlParser().validate(broken, version.cyclonedx());
        assertFalse(errors.isEmpty(), "the validator must reject a hash that is not hex");
    }

    @ParameterizedTest
    @MethodSource("everyVersionAndFormat")
    void sameInventoryGivesSameBytesWhateverTheLockfileOrder(SpecVersion version, SbomFormat format) {
        SbomOptions options = SbomTesting.options(version, format);
        byte[] first = writer.write(SbomTesting.sampleInventory(), options);
        byte[] again = writer.write(SbomTesting.sampleInventory(), options);
        Inventory reordered = new Inventory(List.of(SbomTesting.mavenLockfile(), SbomTesting.pythonLockfile(),
                SbomTesting.npmLockfile()));
        assertArrayEquals(first, again);
        assertArrayEquals(first, writer.write(reordered, options));
    }

    @Test
    void serialNumberIsTheSha256OfTheContentWithAZeroSerial() throws Exception {
        byte[] sbom = writer.write(SbomTesting.sampleInventory(), SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON));
        String serial = new ObjectMapper().readTree(sbom).get("serialNumber").asText();
        assertTrue(serial.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                serial);
        String zeroed = new String(sbom, StandardCharsets.UTF_8).replace(serial, CycloneDxWriter.PLACEHOLDER_SERIAL);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(zeroed.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest);
        String expected = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-8" + hex.substring(13, 16) + "-";
        assertTrue(serial.startsWith("urn:uuid:" + expected), serial + " vs " + hex);
        JsonNode other = json(new SbomOptions(SpecVersion.V1_6, SbomFormat.JSON, "other-name", "0.1.0-test", null));
        assertNotEquals(serial, other.get("serialNumber").asText());
    }

    @Test
    void timestampOnlyWhenAsked() throws IOException {
        assertNull(json(SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON)).get("metadata").get("timestamp"));
        SbomOptions timed = new SbomOptions(SpecVersion.V1_6, SbomFormat.JSON, "demo", "1",
                Instant.parse("2026-01-02T03:04:05Z"));
        assertEquals("2026-01-02T03:04:05Z", json(timed).get("metadata").get("timestamp").asText());
    }

    @Test
    void metadataNamesProvgateTheProjectAndEveryLockfile() throws IOException {
        JsonNode metadata = json(SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON)).get("metadata");
        JsonNode tool = metadata.get("tools").get("components").get(0);
        assertEquals("provgate", tool.get("name").asText());
        assertEquals("0.1.0-test", tool.get("version").asText());
        assertEquals("demo", metadata.get("component").get("name").asText());
        assertEquals("project:demo", metadata.get("component").get("bom-ref").asText());
        assertEquals(List.of("provgate:lockfile=app/package-lock.json (npm/package-lock)",
                "provgate:lockfile=lib/lockfile.json (maven/maven-lockfile)",
                "provgate:lockfile=svc/poetry.lock (python/poetry)"), properties(metadata));
        JsonNode legacy = json(SbomTesting.options(SpecVersion.V1_4, SbomFormat.JSON)).get("metadata").get("tools");
        assertEquals("provgate", legacy.get(0).get("name").asText());
    }

    @Test
    void oneComponentPerPurlSortedWithNamesSplitPerEcosystem() throws IOException {
        JsonNode components = json(SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON)).get("components");
        List<String> refs = new ArrayList<>();
        components.forEach(c -> refs.add(c.get("bom-ref").asText() + " " + c.path("group").asText("-") + " "
                + c.get("name").asText() + " " + c.get("version").asText()));
        assertEquals(List.of(
                "pkg:maven/com.google.guava/failureaccess@1.0.2 com.google.guava failureaccess 1.0.2",
                "pkg:maven/com.google.guava/guava@33.0.0-jre com.google.guava guava 33.0.0-jre",
                "pkg:npm/%40babel/core@7.24.0 @babel core 7.24.0",
                "pkg:npm/left-pad@1.3.0 - left-pad 1.3.0",
                "pkg:npm/right-pad@1.0.0 - right-pad 1.0.0",
                "pkg:npm/shared@0.1.0 - shared 0.1.0",
                "pkg:pypi/requests@2.31.0 - Requests 2.31.0"), refs);
        components.forEach(c -> assertEquals(c.get("bom-ref").asText(), c.get("purl").asText()));
    }

    @Test
    void mergedComponentKeepsTheStrongestScopeEveryLineAndEveryHash() throws IOException {
        JsonNode babel = component("pkg:npm/%40babel/core@7.24.0");
        assertEquals("required", babel.get("scope").asText());
        assertEquals(List.of("SHA-1=" + SHA1_B, "SHA-512=" + SHA512_A), hashes(babel));
        assertEquals(List.of(
                "provgate:direct=true",
                "provgate:hash:SHA-512=" + SbomTesting.SHA512_OTHER,
                "provgate:install-script=true",
                "provgate:lockfile=app/package-lock.json:12",
                "provgate:lockfile=app/package-lock.json:40",
                "provgate:lockfile=svc/poetry.lock:99",
                "provgate:npm:path=node_modules/@babel/core",
                "provgate:scope=runtime",
                "provgate:source-kind=registry"), properties(babel));
        assertEquals("distribution", babel.get("externalReferences").get(0).get("type").asText());
        assertEquals("https://npm.registry.invalid/@babel/core/-/core-7.24.0.tgz",
                babel.get("externalReferences").get(0).get("url").asText());
    }

    @Test
    void scopesMapToRequiredOptionalAndExcluded() throws IOException {
        assertEquals("optional", component("pkg:pypi/requests@2.31.0").get("scope").asText());
        assertEquals("optional", component("pkg:npm/right-pad@1.0.0").get("scope").asText());
        assertEquals("required", component("pkg:npm/left-pad@1.3.0").get("scope").asText());
        Inventory devOnly = new Inventory(List.of(SbomTesting.pythonLockfile()));
        JsonNode components = new ObjectMapper().readTree(writer.write(devOnly,
                SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON))).get("components");
        assertEquals("excluded", components.get(0).get("scope").asText());
    }

    @Test
    void perFileDigestsGoToPropertiesAndTheFirstFileDigestToHashes() throws IOException {
        JsonNode requests = component("pkg:pypi/requests@2.31.0");
        assertEquals(List.of("SHA-256=" + SHA256_WHEEL), hashes(requests));
        List<String> props = properties(requests);
        assertTrue(props.contains("provgate:file:requests-2.31.0-py3-none-any.whl:SHA-256=" + SHA256_WHEEL), props.toString());
        assertTrue(props.contains("provgate:file:requests-2.31.0.tar.gz:SHA-256=" + SHA256_SDIST), props.toString());
        assertTrue(props.contains("provgate:registry=https://pypi.example.invalid/simple"), props.toString());
        assertTrue(props.contains("provgate:python:markers=python_version >= '3.8'"), props.toString());
        assertEquals(List.of("SHA-256=" + SHA256_JAR), hashes(component("pkg:maven/com.google.guava/guava@33.0.0-jre")));
    }

    @Test
    void gitSourcesAreVcsReferencesAndOtherSourcesProperties() throws IOException {
        JsonNode leftPad = component("pkg:npm/left-pad@1.3.0");
        assertEquals("vcs", leftPad.get("externalReferences").get(0).get("type").asText());
        JsonNode rightPad = component("pkg:npm/right-pad@1.0.0");
        assertNull(rightPad.get("externalReferences"));
        assertTrue(properties(rightPad).contains("provgate:source-url=git@git.example.invalid:org/right-pad.git"));
        JsonNode shared = component("pkg:npm/shared@0.1.0");
        assertTrue(properties(shared).contains("provgate:source-kind=workspace"));
        assertTrue(properties(shared).contains("provgate:source-url=packages/shared"));
    }

    @Test
    void dependencyGraphIsMergedWithTheProjectOnTop() throws IOException {
        JsonNode deps = json(SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON)).get("dependencies");
        List<String> edges = new ArrayList<>();
        deps.forEach(d -> edges.add(d.get("ref").asText() + " -> " + d.get("dependsOn").toString()));
        assertEquals(List.of(
                "pkg:maven/com.google.guava/failureaccess@1.0.2 -> []",
                "pkg:maven/com.google.guava/guava@33.0.0-jre -> [\"pkg:maven/com.google.guava/failureaccess@1.0.2\"]",
                "pkg:npm/%40babel/core@7.24.0 -> [\"pkg:npm/left-pad@1.3.0\"]",
                "pkg:npm/left-pad@1.3.0 -> []",
                "pkg:npm/right-pad@1.0.0 -> []",
                "pkg:npm/shared@0.1.0 -> [\"pkg:npm/%40babel/core@7.24.0\"]",
                "pkg:pypi/requests@2.31.0 -> []",
                "project:demo -> [\"pkg:maven/com.google.guava/guava@33.0.0-jre\",\"pkg:npm/%40babel/core@7.24.0\","
                        + "\"pkg:npm/shared@0.1.0\",\"pkg:pypi/requests@2.31.0\"]"), edges);
    }

    @Test
    void emptyInventoryStillGivesAValidDocument() {
        byte[] sbom = writer.write(new Inventory(List.of()), SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON));
        SbomTesting.assertSchemaValid(sbom, SbomFormat.JSON, SpecVersion.V1_6);
        assertFalse(new String(sbom, StandardCharsets.UTF_8).contains("\"components\" : [ {"));
    }

    private JsonNode json(SbomOptions options) throws IOException {
        return new ObjectMapper().readTree(writer.write(SbomTesting.sampleInventory(), options));
    }

    private JsonNode component(String purl) throws IOException {
        for (JsonNode c : json(SbomTesting.options(SpecVersion.V1_6, SbomFormat.JSON)).get("components")) {
            if (c.get("purl").asText().equals(purl)) {
                return c;
            }
        }
        throw new AssertionError("no component " + purl);
    }

    private static List<String> properties(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.get("properties").forEach(p -> out.add(p.get("name").asText() + "=" + p.get("value").asText()));
        return out;
    }

    private static List<String> hashes(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.get("hashes").forEach(h -> out.add(h.get("alg").asText() + "=" + h.get("content").asText()));
        return out;
    }
}
