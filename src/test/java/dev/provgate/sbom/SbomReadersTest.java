// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SbomReadersTest {
    private static final String SHA512 = "bf690311ee7b95e713ba568322e3533f2dd1cb880b189e99d4edef13592b81764daec43e2c54"
            + "c61d5c558dc5cfb35ecb85b65519e74026ff17675b6f8f916f4a";

    private static LockfileParser reader(String file) {
        return LockfileParsers.forPath(file).orElseThrow(() -> new AssertionError("no reader for " + file));
    }

    private static List<String> summary(LockfileInventory inv) {
        return inv.components().stream().map(SbomReadersTest::describe).sorted().toList();
    }

    /** ecosystem name version purl scope direct hashes location. */
    static String describe(Component c) {
        return c.ecosystem() + " " + c.name() + " " + c.version() + " " + c.purl() + " " + c.scope().label()
                + (c.direct() ? " direct" : " transitive") + " "
                + c.hashes().stream().map(h -> h.algorithm().cyclonedxName()).collect(Collectors.joining(","))
                + " " + c.location();
    }

    @ParameterizedTest
    @CsvSource({"nested-components.cdx.json, 13, 30, 39", "nested-components.cdx.xml, 9, 18, 25"})
    void cycloneDxComponentsNestedOnesTooWithScopesAndEdges(String fixture, int lodash, int shaded, int inner) {
        LockfileInventory inv = reader(fixture).parse(SbomTesting.fixture(fixture));
        int debian = fixture.endsWith(".json") ? 49 : 33;
        assertEquals(List.of(
                "MAVEN com.example:shaded 2.0 pkg:maven/com.example/shaded@2.0 optional direct  " + fixture + ":" + shaded,
                "NPM lodash 4.17.21 pkg:npm/lodash@4.17.21 runtime direct SHA-512 " + fixture + ":" + lodash,
                "OTHER debian 12.1 pkg:generic/debian@12.1 runtime transitive  " + fixture + ":" + debian,
                "PYPI requests 2.31.0 pkg:pypi/requests@2.31.0 dev transitive  " + fixture + ":" + inner),
                summary(inv));
        assertEquals(List.of("pkg:maven/com.example/shaded@2.0 -> pkg:pypi/requests@2.31.0"),
                inv.dependencies().stream().map(d -> d.from() + " -> " + d.to()).toList());
        Component lodashComponent = inv.components().stream().filter(c -> c.name().equals("lodash")).findFirst()
                .orElseThrow();
        assertEquals(SHA512, lodashComponent.hashes().get(0).hex());
        assertTrue(reader(fixture).name().startsWith("sbom/cyclonedx-"));
    }

    @ParameterizedTest
    @CsvSource({"relationships.spdx.json"})
    void spdxPackagesWithPurlsChecksumsAndRelationships(String fixture) {
        LockfileInventory inv = reader(fixture).parse(SbomTesting.fixture(fixture));
        assertEquals(List.of(
                "NPM body-parser 1.20.1 pkg:npm/body-parser@1.20.1 runtime transitive  " + fixture + ":34",
                "NPM express 4.18.2 pkg:npm/express@4.18.2 runtime direct SHA-1 " + fixture + ":11",
                "NPM jest 29.7.0 pkg:npm/jest@29.7.0 dev direct  " + fixture + ":25"), summary(inv));
        assertEquals(List.of("pkg:npm/express@4.18.2 -> pkg:npm/body-parser@1.20.1"),
                inv.dependencies().stream().map(d -> d.from() + " -> " + d.to()).toList());
        Component express = inv.components().stream().filter(c -> c.name().equals("express")).findFirst()
                .orElseThrow();
        assertEquals("https://npm.registry.invalid/express/-/express-4.18.2.tgz", express.source().url());
        assertEquals("sbom/spdx-json", inv.format());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not-json.cdx.json|1|invalid JSON",
        "truncated.cdx.json|7|truncated JSON",
        "wrong-bomformat.cdx.json|2|not a CycloneDX SBOM: bomFormat is 'SPDX'",
        "no-bomformat.cdx.json|1|not a CycloneDX SBOM: no \"bomFormat\"",
        "unsupported-spec-version.cdx.json|3|CycloneDX specVersion '1.3' is not supported (1.4, 1.5, 1.6)",
        "components-not-array.cdx.json|4|components must be an array, found an object",
        "name-not-string.cdx.json|6|name must be a string, found a number",
        "invalid-purl.cdx.json|7|invalid purl 'not a purl'",
        "short-hash.cdx.json|9|SHA-256 hash is not 64 hex digits: 'abc'",
        "top-level-array.cdx.json|1|expected a JSON object",
        "empty.cdx.json|1|empty file",
        "truncated.cdx.xml|6|invalid XML: Unexpected EOF",
        "wrong-root.cdx.xml|2|not a CycloneDX SBOM: root element <project>",
        "external-entity.cdx.xml|6|invalid XML: Undeclared general entity \"xxe\"",
        "wrong-version.spdx.json|2|spdxVersion 'SPDX-3.0' is not supported",
        "no-spdxversion.spdx.json|1|not an SPDX document",
        "checksums-not-array.spdx.json|4|'checksums' must be an array",
    })
    void badInputIsOneLineWithFileAndLine(String fixture, int line, String message) {
        LockfileSource source = SbomTesting.fixture(fixture);
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> reader(fixture).parse(source));
        assertEquals(fixture, e.file());
        assertEquals(line, e.line(), e.userMessage());
        assertTrue(e.getMessage().contains(message), e.userMessage());
        assertEquals(1, e.userMessage().lines().count(), e.userMessage());
    }

    @ParameterizedTest
    @CsvSource({"bom.cdx.json", "bom.cdx.xml", "bom.spdx.json"})
    void binaryAndDeeplyNestedInputAreInputErrors(String name) {
        byte[] binary = {'{', 0, 1, 2, '\n'};
        LockfileParseException bin = assertThrows(LockfileParseException.class,
                () -> reader(name).parse(new LockfileSource(name, binary, "test")));
        assertTrue(bin.getMessage().contains("binary"), bin.getMessage());
        String deep = name.endsWith(".xml")
                ? "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"
                        + "<component><components>".repeat(600) + "</components></component>".repeat(600)
                        + "</components></bom>"
                : "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"packages\":[],\"components\":["
                        + "{\"components\":[".repeat(600) + "]}".repeat(600) + "]}";
        LockfileSource source = new LockfileSource(name, deep.getBytes(StandardCharsets.UTF_8), "test");
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> reader(name).parse(source));
        assertEquals(name, e.file());
    }

    @ParameterizedTest
    @CsvSource({
        "bom.json, sbom/cyclonedx-json", "app/bom.json, sbom/cyclonedx-json", "dist/app.bom.json, sbom/cyclonedx-json",
        "x.cdx.json, sbom/cyclonedx-json", "bom.xml, sbom/cyclonedx-xml", "a/b.cdx.xml, sbom/cyclonedx-xml",
        "sbom.spdx.json, sbom/spdx-json", "bom.json.bak, none", "notbom.json, none", "spdx.json, none",
        "cdx.json, none", "pom.xml, maven/pom"})
    void acceptsByFileName(String path, String expected) {
        assertEquals(expected, LockfileParsers.forPath(path).map(LockfileParser::name).orElse("none"));
    }
}
