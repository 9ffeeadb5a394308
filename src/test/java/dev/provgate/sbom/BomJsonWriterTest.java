// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Inventory;
import dev.provgate.model.Location;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Source;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The streaming JSON writer must lay out every bom the assembler builds exactly as CycloneDX Core Java's generator
 * does: the library stays the reference for what CycloneDX JSON looks like, the writer only makes it fast.
 */
class BomJsonWriterTest {
    /** Corpus folders and the parser of their files (their names carry a project prefix the finder refuses). */
    private static final Map<String, String> CORPUS = Map.ofEntries(
            Map.entry("npm/package-lock-v1", "npm/package-lock"), Map.entry("npm/package-lock-v2", "npm/package-lock"),
            Map.entry("npm/package-lock-v3", "npm/package-lock"), Map.entry("npm/npm-shrinkwrap", "npm/shrinkwrap"),
            Map.entry("npm/yarn-lock-v1-classic", "npm/yarn-lock"), Map.entry("npm/yarn-lock-berry", "npm/yarn-lock"),
            Map.entry("npm/pnpm-lock-v5", "npm/pnpm-lock"), Map.entry("npm/pnpm-lock-v6", "npm/pnpm-lock"),
            Map.entry("npm/pnpm-lock-v9", "npm/pnpm-lock"),
            Map.entry("python/requirements-hashed", "python/requirements"),
            Map.entry("python/requirements-plain", "python/requirements"),
            Map.entry("python/poetry-lock-v1", "python/poetry-lock"),
            Map.entry("python/poetry-lock-v2", "python/poetry-lock"), Map.entry("python/uv-lock", "python/uv-lock"),
            Map.entry("python/pipfile-lock", "python/pipfile-lock"), Map.entry("python/pdm-lock", "python/pdm-lock"),
            Map.entry("python/pylock-toml", "python/pylock"),
            Map.entry("maven/maven-lockfile", "maven/maven-lockfile"),
            Map.entry("maven/gradle-lockfile", "maven/gradle-lockfile"),
            Map.entry("maven/gradle-verification-metadata", "maven/gradle-verification-metadata"),
            Map.entry("maven/mvn-dependency-tree", "maven/dependency-tree"),
            Map.entry("sbom/cyclonedx", "sbom/cyclonedx-json"), Map.entry("sbom/spdx", "sbom/spdx-json"));

    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void handBuiltInventoryIsLaidOutAsTheLibraryDoes(SpecVersion version) {
        assertSameAsTheLibrary(SbomTesting.sampleInventory(), new SbomOptions(version, SbomFormat.JSON, " demo ",
                "0.1.0-test", Instant.parse("2026-01-02T03:04:05Z")));
    }

    /** Quotes, back-slashes, control characters, non-ASCII and padding: escaped and trimmed alike. */
    @ParameterizedTest
    @EnumSource(SpecVersion.class)
    void awkwardStringsAreEscapedAndTrimmedAsTheLibraryDoes(SpecVersion version) {
        Component odd = Component.builder(Ecosystem.PYPI, "zürich-\"quoted\"", " 1.0 ")
                .source(Source.registry("https://pypi.example.invalid/simple/z\u00fcrich\\x"))
                .location(new Location("svc/requirements.txt", 7))
                .attribute("python:markers", "  sys_platform == 'win32'\t")
                .attribute("note", "line\nbreak \u0001 \u2028 \uD83D\uDE00").build();
        Inventory inventory = new Inventory(List.of(new LockfileInventory("svc/requirements.txt",
                "python/requirements", Ecosystem.PYPI, List.of(odd), List.of())));
        assertSameAsTheLibrary(inventory, SbomTesting.options(version, SbomFormat.JSON));
    }

    @Test
    void everyCorpusFileIsLaidOutAsTheLibraryDoes() throws IOException {
        Path corpus = SharedData.require("corpus");
        int files = 0;
        for (Map.Entry<String, String> folder : CORPUS.entrySet()) {
            LockfileParser parser = LockfileParsers.byName(folder.getValue()).orElseThrow();
            for (Path file : list(corpus.resolve(folder.getKey()), parser)) {
                LockfileInventory parsed = parser.parse(new LockfileSource(corpus.relativize(file).toString(),
                        Files.readAllBytes(file), file.toString()));
                for (SpecVersion version : SpecVersion.values()) {
                    assertSameAsTheLibrary(new Inventory(List.of(parsed)),
                            SbomTesting.options(version, SbomFormat.JSON));
                }
                files++;
            }
        }
        assertEquals(72, files, "every corpus lockfile and SBOM but the four pom.xml (they need resolution)");
    }

    private static List<Path> list(Path folder, LockfileParser parser) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !parser.name().startsWith("sbom/") || f.toString().endsWith(".json"))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private static void assertSameAsTheLibrary(Inventory inventory, SbomOptions options) {
        Bom bom = BomAssembler.assemble(inventory, options);
        bom.setSerialNumber(CycloneDxWriter.PLACEHOLDER_SERIAL);
        String expected;
        try {
            expected = BomGeneratorFactory.createJson(options.specVersion().cyclonedx(), bom).toJsonString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        byte[] written = BomJsonWriter.write(bom, options.specVersion());
        assertEquals(expected, new String(written, StandardCharsets.UTF_8),
                options.specVersion().label() + " " + inventory.lockfiles().get(0).path());
        SbomTesting.assertSchemaValid(written, SbomFormat.JSON, options.specVersion());
    }
}
