// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.ReleaseInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store's layout and read API, filled through {@link StoreWriter}. */
class AttestationStoreTest {
    @TempDir
    Path root;

    private AttestationStore store() {
        return new AttestationStore(root);
    }

    @ParameterizedTest(name = "{0} {1}@{2} -> {3}")
    @CsvSource({
            "NPM,   left-pad,                1.3.0,  npm/left-pad/1.3.0",
            "NPM,   @playwright/cli,         0.1.1,  npm/@playwright/cli/0.1.1",
            "PYPI,  Pypi_Attestations,       0.0.19, pypi/pypi-attestations/0.0.19",
            "PYPI,  zope.interface,          6.0,    pypi/zope-interface/6.0",
            "MAVEN, dev.sigstore:sigstore-java, 2.0.0, maven/dev.sigstore/sigstore-java/2.0.0",
    })
    void layout(Ecosystem ecosystem, String name, String version, String relative) {
        assertEquals(root.resolve(relative), store().layout().versionDir(ecosystem, name, version));
    }

    @ParameterizedTest(name = "{0} {1}@{2} is refused")
    @CsvSource({"NPM, .., 1.0.0", "NPM, @scope/.., 1.0.0", "NPM, a, ..", "NPM, a, ../../x", "MAVEN, nogroup, 1",
            "MAVEN, g:.., 1", "NPM, 'a\\b', 1", "PYPI, x, 1/2"})
    void namesThatWouldLeaveTheStoreAreRefused(Ecosystem ecosystem, String name, String version) {
        ProvgateException e = assertThrows(ProvgateException.class,
                () -> store().layout().versionDir(ecosystem, name, version));
        assertTrue(e.getMessage().startsWith("cannot store") || e.getMessage().startsWith("not a Maven"),
                e.getMessage());
    }

    @Test
    void npmFilesReadBackAsWritten() {
        StoreWriter w = new StoreWriter(store());
        w.write(Ecosystem.NPM, "@scope/pkg", "1.0.0", AttestationStore.NPM_ATTESTATIONS, bytes("{\"a\":1}"));
        assertArrayEquals(bytes("{\"a\":1}"), store().npmAttestations("@scope/pkg", "1.0.0").orElseThrow());
        assertEquals(Optional.empty(), store().npmRegistrySignatures("@scope/pkg", "1.0.0"));
        assertEquals(Optional.empty(), store().npmAttestations("@scope/pkg", "2.0.0"));
    }

    @Test
    void pypiProvenanceFilesAreListedSortedWithTheirDistribution() {
        StoreWriter w = new StoreWriter(store());
        w.write(Ecosystem.PYPI, "Foo_Bar", "1.0", "foo_bar-1.0.tar.gz.provenance", bytes("{}"));
        w.write(Ecosystem.PYPI, "foo-bar", "1.0", "foo_bar-1.0-py3-none-any.whl.provenance", bytes("{}"));
        w.writeRelease(Ecosystem.PYPI, "foo-bar", "1.0", new ReleaseRecord(Instant.EPOCH, "pypi upload_time", "u"));
        List<Path> files = store().pypiProvenance("FOO.bar", "1.0");
        assertEquals(List.of("foo_bar-1.0-py3-none-any.whl", "foo_bar-1.0.tar.gz"),
                files.stream().map(AttestationStore::distributionOf).toList());
        assertEquals(List.of(), store().pypiProvenance("foo-bar", "9"));
    }

    @Test
    void mavenSignaturesPerFile() {
        StoreWriter w = new StoreWriter(store());
        w.write(Ecosystem.MAVEN, "g.h:a", "1", "a-1.jar.sigstore.json", bytes("{}"));
        w.write(Ecosystem.MAVEN, "g.h:a", "1", "a-1.jar.asc", bytes("sig"));
        w.writeSha256("g.h:a", "1", "a-1.jar", "ab".repeat(32));
        w.write(Ecosystem.MAVEN, "g.h:a", "1", "a-1.pom.asc", bytes("sig"));
        MavenSignatures jar = store().maven("g.h", "a", "1", "a-1.jar").orElseThrow();
        assertTrue(jar.sigstoreBundle().isPresent());
        assertTrue(jar.pgpSignature().isPresent());
        assertEquals(Optional.of("ab".repeat(32)), jar.sha256());
        MavenSignatures pom = store().maven("g.h", "a", "1", "a-1.pom").orElseThrow();
        assertEquals(Optional.empty(), pom.sigstoreBundle());
        assertEquals(Optional.empty(), store().maven("g.h", "a", "1", "a-1-sources.jar"));
    }

    @Test
    void releaseTimeRoundTripsAndBecomesReleaseInfo() throws Exception {
        Instant t = Instant.parse("2023-02-09T17:56:00.123Z");
        new StoreWriter(store()).writeRelease(Ecosystem.NPM, "sigstore", "1.0.0",
                new ReleaseRecord(t, "npm time", "https://npm.registry.invalid/sigstore"));
        Component c = Component.builder(Ecosystem.NPM, "sigstore", "1.0.0").build();
        assertEquals(Optional.of(t), store().publishedAt(c));
        assertEquals("npm time https://npm.registry.invalid/sigstore",
                store().release(c).orElseThrow().toReleaseInfo().origin());
        assertEquals("""
                {
                  "publishedAt" : "2023-02-09T17:56:00.123Z",
                  "source" : "npm time",
                  "url" : "https://npm.registry.invalid/sigstore"
                }
                """, Files.readString(root.resolve("npm/sigstore/1.0.0/release.json")));
    }

    @Test
    void installScriptFactRoundTripsIntoTheEvidence() {
        Instant t = Instant.parse("2023-02-09T17:56:00Z");
        new StoreWriter(store()).writeRelease(Ecosystem.NPM, "esbuild", "0.20.0",
                new ReleaseRecord(t, "npm time", "https://npm.registry.invalid/esbuild", true));
        new StoreWriter(store()).writeRelease(Ecosystem.NPM, "left-pad", "1.3.0",
                new ReleaseRecord(t, "npm time", "https://npm.registry.invalid/left-pad", false));
        new StoreWriter(store()).writeRelease(Ecosystem.PYPI, "requests", "2.31.0",
                new ReleaseRecord(t, "pypi upload_time", "https://pypi.example.invalid/pypi/requests/2.31.0/json"));
        assertEquals(Boolean.TRUE, release(Ecosystem.NPM, "esbuild", "0.20.0").installScript());
        assertEquals(Boolean.FALSE, release(Ecosystem.NPM, "left-pad", "1.3.0").installScript());
        assertEquals(null, release(Ecosystem.PYPI, "requests", "2.31.0").installScript());
    }

    private ReleaseInfo release(Ecosystem ecosystem, String name, String version) {
        return store().release(Component.builder(ecosystem, name, version).build()).orElseThrow().toReleaseInfo();
    }

    @ParameterizedTest(name = "release.json {0}")
    @CsvSource(delimiter = '|', value = {
            "'{\n  \"publishedAt\": \"yesterday\"\n}'| 0| publishedAt is not an ISO-8601 instant: 'yesterday'",
            "'{\n  \"publishedAt\": \n'|               3| malformed JSON",
            "'[1]'|                                     0| expected a JSON object",
            "'{\"publishedAt\": \"2023-02-09T17:56:00Z\", \"installScript\": \"yes\"}'| 0| installScript is not true or false",
    })
    void badReleaseFileIsAnInputErrorWithFileAndLine(String content, int line, String message) throws Exception {
        Path file = root.resolve("npm/a/1.0.0/release.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Component c = Component.builder(Ecosystem.NPM, "a", "1.0.0").build();
        ProvgateException e = assertThrows(ProvgateException.class, () -> store().publishedAt(c));
        assertEquals(file.toString(), e.file());
        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void notPublishedIsRecordedAndReplaced() {
        StoreWriter w = new StoreWriter(store());
        assertEquals(Set.of(), store().notPublished(Ecosystem.NPM, "a", "1"));
        w.recordNotPublished(Ecosystem.NPM, "a", "1", Set.of());
        assertTrue(Files.notExists(root.resolve("npm/a/1/not-published.json")), "nothing to record, no file");
        w.recordNotPublished(Ecosystem.NPM, "a", "1", Set.of("registry-signatures.json", "attestations.json"));
        assertEquals(Set.of("attestations.json", "registry-signatures.json"),
                store().notPublished(Ecosystem.NPM, "a", "1"));
        w.recordNotPublished(Ecosystem.NPM, "a", "1", Set.of());
        assertEquals(Set.of(), store().notPublished(Ecosystem.NPM, "a", "1"));
    }

    @Test
    void listingWalksEveryEcosystemSorted() {
        StoreWriter w = new StoreWriter(store());
        w.write(Ecosystem.NPM, "@s/b", "2.0.0", "attestations.json", bytes("{}"));
        w.write(Ecosystem.NPM, "a", "1.0.0", "release.json", bytes("{}"));
        w.write(Ecosystem.NPM, "a", "1.0.0", "attestations.json", bytes("{}"));
        w.write(Ecosystem.PYPI, "x", "1", "x-1.tar.gz.provenance", bytes("{}"));
        w.write(Ecosystem.MAVEN, "g:a", "1", "a-1.jar.asc", bytes("s"));
        store().identities().pin(Ecosystem.NPM, "a", "npm-provenance", "1.0.0",
                new dev.provgate.model.SignerIdentity("i", "s", "r", "w", "", ""));
        assertEquals(List.of(
                new StoredVersion(Ecosystem.MAVEN, "g:a", "1", List.of("a-1.jar.asc")),
                new StoredVersion(Ecosystem.NPM, "@s/b", "2.0.0", List.of("attestations.json")),
                new StoredVersion(Ecosystem.NPM, "a", "1.0.0", List.of("attestations.json", "release.json")),
                new StoredVersion(Ecosystem.PYPI, "x", "1", List.of("x-1.tar.gz.provenance"))),
                StoreListing.versions(store()));
        assertEquals(List.of(), StoreListing.versions(new AttestationStore(root.resolve("absent"))));
    }

    @Test
    void forProjectUsesTheFirstPathOrItsFolder() throws Exception {
        Path lock = Files.writeString(root.resolve("package-lock.json"), "{}");
        assertEquals(root.resolve("attestations"), AttestationStore.forProject(List.of(root)).root());
        assertEquals(root.toAbsolutePath().resolve("attestations"),
                AttestationStore.forProject(List.of(lock)).root());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
