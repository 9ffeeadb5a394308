// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import dev.provgate.provenance.fetch.FakeRegistry.Answer;
import dev.provgate.provenance.fetch.FetchOutcome.Status;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.provenance.store.MavenSignatures;
import dev.provgate.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/** The fetchers against a fake registry serving the real attestation vectors of ../shared/sigstore. */
class AttestationFetcherTest {
    private static final String SIGSTORE_INTEGRITY =
            "sha512-e+qfbn/zf1+rCza/BhIA//Awmf0v1pa5HQS8Xk8iXrn9bgytytVLqYD0P7NSqZ6IELTgq+tcDvLPkQjNHyWLNg==";
    /** sha256("abc"), FIPS 180-2 example. */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SIGSTORE_JAVA = "/dev/sigstore/sigstore-java/2.0.0/sigstore-java-2.0.0.jar";
    private static final String JUNIT = "/org/junit/jupiter/junit-jupiter-api/5.10.2/junit-jupiter-api-5.10.2.jar";

    private final FakeRegistry registry = new FakeRegistry();
    @TempDir
    Path storeDir;
    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        registry.close();
    }

    private AttestationStore store() {
        return new AttestationStore(storeDir);
    }

    private Network http() {
        return new CachingNetwork(new HttpNetwork(new HttpNetwork.Settings(Duration.ofSeconds(5), 3,
                Duration.ofMillis(5), Duration.ofMillis(20))), cacheDir, Duration.ofHours(24), Clock.systemUTC());
    }

    private List<FetchOutcome> fetch(Network network, Component... components) {
        String base = registry.url("");
        RegistryLocator locator = new RegistryLocator(new RegistryLocator.Options(Optional.of(base),
                Optional.of(base), Optional.of(base)), new UserConfig(storeDir, java.util.Map.of()));
        return new AttestationFetcher(network, store(), locator, 8).fetch(List.of(components), (done, total) -> { });
    }

    private static byte[] shared(String relative) throws Exception {
        return Files.readAllBytes(SharedData.require("sigstore/" + relative));
    }

    private static Component npm(String name, String version) {
        return Component.builder(Ecosystem.NPM, name, version).build();
    }

    /** A component with one locked sha256, given as {@code "<hex> <file name>"}. */
    private static Component locked(Ecosystem ecosystem, String name, String version, String hashAndFile) {
        String[] parts = hashAndFile.split(" ");
        return Component.builder(ecosystem, name, version)
                .hash(new Hash(HashAlgorithm.SHA256, parts[0], parts[1])).build();
    }

    private void serveSigstoreNpm() throws Exception {
        registry.on("/sigstore", Answer.ok("""
                {"name": "sigstore", "time": {"1.0.0": "2023-02-09T17:56:00.000Z"},
                 "versions": {"1.0.0": {"dist": {"integrity": "%s",
                   "signatures": [{"keyid": "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA", "sig": "MEUC"}],
                   "attestations": {"url": "elsewhere"}}}}}
                """.formatted(SIGSTORE_INTEGRITY)));
        registry.on("/-/npm/v1/attestations/sigstore@1.0.0",
                Answer.ok(shared("npm-cli/sigstore-1.0.0.attestations.json")));
    }

    @Test
    void npmAttestationsSignaturesAndPublishTime() throws Exception {
        serveSigstoreNpm();
        List<FetchOutcome> outcomes = fetch(http(), npm("sigstore", "1.0.0"));
        assertEquals(List.of(new FetchOutcome(npm("sigstore", "1.0.0"), Status.FETCHED,
                List.of("attestations.json", "registry-digests.json", "registry-signatures.json", "release.json"),
                List.of(), "")), outcomes);
        assertArrayEquals(shared("npm-cli/sigstore-1.0.0.attestations.json"),
                store().npmAttestations("sigstore", "1.0.0").orElseThrow());
        String signatures = new String(store().npmRegistrySignatures("sigstore", "1.0.0").orElseThrow());
        assertTrue(signatures.contains("\"integrity\" : \"" + SIGSTORE_INTEGRITY + "\""), signatures);
        assertTrue(signatures.contains("\"keyid\" : \"SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA\""));
        assertEquals(Optional.of(Instant.parse("2023-02-09T17:56:00Z")),
                store().publishedAt(npm("sigstore", "1.0.0")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "registry flag|{\"hasInstallScript\": true}|true",
        "postinstall script|{\"scripts\": {\"postinstall\": \"node install.js\", \"test\": \"tap\"}}|true",
        "preinstall script|{\"scripts\": {\"preinstall\": \"node check.js\"}}|true",
        "native addon|{\"gypfile\": true}|true",
        "only other scripts|{\"scripts\": {\"test\": \"tap\", \"prepare\": \"tsc\"}}|false",
        "nothing said|{}|false",
    })
    void npmInstallScriptsAreReadFromTheVersionMetadata(String what, String fields, boolean runs) throws Exception {
        String version = fields.equals("{}") ? "{\"dist\": {\"integrity\": \"sha512-x\"}}"
                : fields.substring(0, fields.length() - 1) + ", \"dist\": {\"integrity\": \"sha512-x\"}}";
        registry.on("/left-pad", Answer.ok("""
                {"name": "left-pad", "time": {"1.3.0": "2018-04-09T00:00:00.000Z"},
                 "versions": {"1.3.0": %s}}""".formatted(version)));
        assertEquals(Status.FETCHED, fetch(http(), npm("left-pad", "1.3.0")).get(0).status());
        assertEquals(runs, store().release(npm("left-pad", "1.3.0")).orElseThrow().installScript(), what);
    }

    @Test
    void scopedNameIsEncodedAndMissingSignaturesAreRecordedAsNotPublished() throws Exception {
        registry.on("/@playwright%2Fcli", Answer.ok("""
                {"versions": {"0.1.1": {"dist": {"integrity": "sha512-x"}}}, "time": {}}"""));
        registry.on("/-/npm/v1/attestations/@playwright%2Fcli@0.1.1",
                Answer.ok(shared("sigstore-dotnet/playwright-cli-0.1.1-attestations.json")));
        FetchOutcome o = fetch(http(), npm("@playwright/cli", "0.1.1")).get(0);
        assertEquals(Status.FETCHED, o.status());
        assertEquals(List.of("attestations.json"), o.stored());
        assertEquals(List.of("registry-signatures.json"), o.notPublished());
        assertEquals(Set.of("registry-signatures.json"), store().notPublished(Ecosystem.NPM, "@playwright/cli", "0.1.1"));
        assertEquals(Optional.of("the registry document has no dist.signatures (" + registry.url("")
                + "/@playwright%2Fcli)"), store().notPublishedSeen(Ecosystem.NPM, "@playwright/cli", "0.1.1",
                "registry-signatures.json"), "what was seen, not 'the registry answered not found'");
        assertTrue(store().npmAttestations("@playwright/cli", "0.1.1").isPresent());
    }

    @Test
    void noAttestationIsRecordedNotAnError() throws Exception {
        registry.on("/left-pad", Answer.ok("{\"versions\": {\"1.3.0\": {\"dist\": {}}}}"));
        FetchOutcome o = fetch(http(), npm("left-pad", "1.3.0")).get(0);
        assertEquals(Status.FETCHED, o.status());
        assertEquals(List.of("attestations.json", "registry-signatures.json"), o.notPublished());
        assertEquals(Optional.empty(), store().npmAttestations("left-pad", "1.3.0"));
    }

    @Test
    void advertisedAttestationsThatTheMirrorDoesNotServeAreAFailureNotAnAbsence() {
        registry.on("/a", Answer.ok("{\"versions\": {\"1.0.0\": {\"dist\": {\"attestations\": "
                + "{\"url\": \"https://npm.registry.invalid/-/npm/v1/attestations/a@1.0.0\"}}}}}"));
        FetchOutcome o = fetch(http(), npm("a", "1.0.0")).get(0);
        assertEquals(Status.FAILED, o.status());
        assertTrue(o.detail().startsWith("the packument advertises attestations but " + registry.url("")
                + "/-/npm/v1/attestations/a@1.0.0 answered 404"), o.detail());
        assertEquals(Set.of(), store().notPublished(Ecosystem.NPM, "a", "1.0.0"));
    }

    @Test
    void pypiProvenanceForTheLockedFileOnlyAndFirstUploadTime() throws Exception {
        registry.on("/pypi/pypi-attestations/0.0.19/json", Answer.ok("""
                {"urls": [
                  {"filename": "pypi_attestations-0.0.19-py3-none-any.whl",
                   "upload_time_iso_8601": "2024-12-04T18:10:02.000001Z"},
                  {"filename": "pypi_attestations-0.0.19.tar.gz", "upload_time": "2024-12-04T18:09:58"}]}"""));
        registry.on("/integrity/pypi-attestations/0.0.19/pypi_attestations-0.0.19.tar.gz/provenance",
                Answer.ok(shared("pypi-attestations/pypi_attestations-0.0.19.tar.gz.provenance")));
        Component c = locked(Ecosystem.PYPI, "pypi_attestations", "0.0.19",
                "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3 pypi_attestations-0.0.19.tar.gz");
        FetchOutcome o = fetch(http(), c).get(0);
        assertEquals(List.of("pypi_attestations-0.0.19.tar.gz.provenance", "release.json"), o.stored());
        List<Path> provenance = store().pypiProvenance("pypi-attestations", "0.0.19");
        assertEquals(1, provenance.size());
        assertArrayEquals(shared("pypi-attestations/pypi_attestations-0.0.19.tar.gz.provenance"),
                Files.readAllBytes(provenance.get(0)));
        assertEquals(Optional.of(Instant.parse("2024-12-04T18:09:58Z")), store().publishedAt(c));
        assertTrue(registry.seen().stream().anyMatch(s -> s.path().startsWith("/integrity/")
                && "application/vnd.pypi.integrity.v1+json".equals(s.headers().get("Accept"))));
        assertEquals(0, registry.count(
                "/integrity/pypi-attestations/0.0.19/pypi_attestations-0.0.19-py3-none-any.whl/provenance"));
    }

    @Test
    void pypiWithoutLockedFileNamesAsksForEveryFile() throws Exception {
        registry.on("/pypi/x/1.0/json", Answer.ok("{\"urls\": [{\"filename\": \"x-1.0.tar.gz\"},"
                + " {\"filename\": \"x-1.0-py3-none-any.whl\"}]}"));
        FetchOutcome o = fetch(http(), Component.builder(Ecosystem.PYPI, "X", "1.0").build()).get(0);
        assertEquals(List.of("x-1.0-py3-none-any.whl.provenance", "x-1.0.tar.gz.provenance"), o.notPublished());
    }

    @Test
    void npmDeclaredRepositoryIsRecordedNormalised() throws Exception {
        registry.on("/@playwright%2Fcli", Answer.ok("""
                {"versions": {"0.1.1": {"dist": {}, "repository": {"type": "git",
                  "url": "git+https://github.com/microsoft/playwright-cli.git", "directory": "packages/cli"}}}}"""));
        registry.on("/b", Answer.ok("{\"versions\": {\"1.0.0\": {\"dist\": {}, \"repository\": \"github:o/b\"}}}"));
        registry.on("/c", Answer.ok("{\"versions\": {\"1.0.0\": {\"dist\": {}, "
                + "\"repository\": \"https://bitbucket.org/o/c\"}}}"));
        List<FetchOutcome> outcomes = fetch(http(), npm("@playwright/cli", "0.1.1"), npm("b", "1.0.0"),
                npm("c", "1.0.0"));
        assertEquals(List.of(List.of("declared.json"), List.of("declared.json"), List.of()),
                outcomes.stream().map(FetchOutcome::stored).toList());
        Path file = storeDir.resolve("npm/@playwright/cli/0.1.1/declared.json");
        assertEquals("""
                {
                  "declared" : "git+https://github.com/microsoft/playwright-cli.git",
                  "repository" : "https://github.com/microsoft/playwright-cli",
                  "source" : "npm repository"
                }
                """, Files.readString(file));
        assertEquals(Optional.of(new DeclaredRepository("https://github.com/o/b", "npm repository", "github:o/b")),
                store().declaredRepository(npm("b", "1.0.0")));
        assertEquals(Optional.empty(), store().declaredRepository(npm("c", "1.0.0")), "not GitHub or GitLab");
    }

    @Test
    void pypiDeclaredRepositoryPrefersSourceOverRepositoryAndSkipsOtherHosts() throws Exception {
        registry.on("/pypi/a/1.0/json", Answer.ok("""
                {"info": {"project_urls": {"Homepage": "https://github.com/o/home",
                  "Repository": "https://github.com/o/repo", "source": "https://gitlab.com/g/a.git"}}, "urls": []}"""));
        registry.on("/pypi/b/1.0/json", Answer.ok("""
                {"info": {"project_urls": {"Source": "https://example.invalid/o/b",
                  "Source Code": "https://github.com/o/b/tree/main"}}, "urls": []}"""));
        registry.on("/pypi/c/1.0/json", Answer.ok("""
                {"info": {"project_urls": {"Homepage": "https://github.com/o/c"}}, "urls": []}"""));
        Component a = Component.builder(Ecosystem.PYPI, "a", "1.0").build();
        Component b = Component.builder(Ecosystem.PYPI, "b", "1.0").build();
        Component c = Component.builder(Ecosystem.PYPI, "c", "1.0").build();
        fetch(http(), a, b, c);
        assertEquals(Optional.of(new DeclaredRepository("https://gitlab.com/g/a", "pypi project_urls.source",
                "https://gitlab.com/g/a.git")), store().declaredRepository(a));
        assertEquals(Optional.of("https://github.com/o/b"),
                store().declaredRepository(b).map(DeclaredRepository::repository));
        assertEquals(Optional.empty(), store().declaredRepository(c), "Homepage is not a source repository");
    }

    @Test
    void mavenBundleSignatureComputedDigestAndLastModified() throws Exception {
        registry.on(SIGSTORE_JAVA, Answer.ok("abc").withHeader("Last-Modified", "Thu, 20 Nov 2025 20:45:23 GMT"));
        registry.on(SIGSTORE_JAVA + ".sigstore.json", Answer.ok(shared("maven-central/sigstore-java-2.0.0.jar.sigstore.json")));
        registry.on(SIGSTORE_JAVA + ".asc", Answer.ok(shared("maven-central/sigstore-java-2.0.0.jar.asc")));
        Component c = Component.builder(Ecosystem.MAVEN, "dev.sigstore:sigstore-java", "2.0.0").build();
        FetchOutcome o = fetch(http(), c).get(0);
        assertEquals(List.of("release.json", "sigstore-java-2.0.0.jar.asc", "sigstore-java-2.0.0.jar.sha256",
                "sigstore-java-2.0.0.jar.sigstore.json"), o.stored());
        MavenSignatures s = store().maven("dev.sigstore", "sigstore-java", "2.0.0", "sigstore-java-2.0.0.jar")
                .orElseThrow();
        assertEquals(Optional.of(SHA256_ABC), s.sha256());
        assertArrayEquals(shared("maven-central/sigstore-java-2.0.0.jar.sigstore.json"),
                Files.readAllBytes(s.sigstoreBundle().orElseThrow()));
        assertEquals(Optional.of(Instant.parse("2025-11-20T20:45:23Z")), store().publishedAt(c));
        assertEquals(Optional.empty(), store().declaredRepository(c), "the repository served no POM");
    }

    /** The real registry document of tuf-js 1.0.0 (a mirror without signatures): its digests are still stored. */
    @Test
    void registryDigestsAreStoredWithoutSignatures() throws Exception {
        registry.on("/tuf-js", Answer.ok("{\"versions\": {\"1.0.0\": "
                + new String(shared("npm-cli/registry-docs/tuf-js-1.0.0.json"), java.nio.charset.StandardCharsets.UTF_8)
                + "}}"));
        Component c = npm("tuf-js", "1.0.0");
        FetchOutcome o = fetch(http(), c).get(0);
        assertTrue(o.stored().contains("registry-digests.json"), o.toString());
        assertEquals(List.of("registry-signatures.json"), o.notPublished().stream()
                .filter(f -> f.startsWith("registry")).toList());
        assertEquals(List.of(new Hash(HashAlgorithm.SHA1, "c89daaf69b348081a86e9f766151dfd7ce0f5078", ""),
                new Hash(HashAlgorithm.SHA512, "d5dc6c4301120f30022634dd607438c09d5ffe87fb8c02d629f2441d205651007fe544c9"
                        + "531f525ba1875e9e266752af7414490a91a3b2ca0f1468b886fc3cfc", "")),
                store().registryDigests(c).orElseThrow().digests().stream().sorted().toList());
    }

    @Test
    void pypiFileDigestsAreStored() throws Exception {
        registry.on("/pypi/x/1.0/json", Answer.ok("{\"urls\": [{\"filename\": \"x-1.0.tar.gz\", \"digests\": "
                + "{\"sha256\": \"" + SHA256_ABC + "\"}}]}"));
        Component c = Component.builder(Ecosystem.PYPI, "x", "1.0").build();
        fetch(http(), c);
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, SHA256_ABC, "x-1.0.tar.gz")),
                store().registryDigests(c).orElseThrow().digests());
    }

    @Test
    void mavenWithALockedHashStoresTheRepositoryChecksum() throws Exception {
        registry.on(JUNIT, Answer.ok("jar"));
        registry.on(JUNIT + ".sha256", Answer.ok(SHA256_ABC + "  junit-jupiter-api-5.10.2.jar\n"));
        Component c = locked(Ecosystem.MAVEN, "org.junit.jupiter:junit-jupiter-api", "5.10.2",
                "afff77c186cd317275803872fa5133aa801fd6ac40bd91c78a6cf8009b4b17cc junit-jupiter-api-5.10.2.jar");
        fetch(http(), c);
        assertEquals(Optional.of(SHA256_ABC), store().maven("org.junit.jupiter", "junit-jupiter-api", "5.10.2",
                "junit-jupiter-api-5.10.2.jar").orElseThrow().sha256());
        assertEquals(List.of("HEAD"), registry.seen().stream().filter(s -> s.path().equals(JUNIT))
                .map(FakeRegistry.Seen::method).toList(), "the artifact itself is not downloaded");
    }

    @Test
    void mavenDeclaredRepositoryComesFromThePom() throws Exception {
        String folder = SIGSTORE_JAVA.substring(0, SIGSTORE_JAVA.lastIndexOf('/') + 1);
        registry.on(SIGSTORE_JAVA, Answer.ok("abc"));
        registry.on(folder + "sigstore-java-2.0.0.pom", Answer.ok(shared("maven-central/sigstore-java-2.0.0.pom")));
        Component c = Component.builder(Ecosystem.MAVEN, "dev.sigstore:sigstore-java", "2.0.0").build();
        fetch(http(), c);
        assertEquals(Optional.of(new DeclaredRepository("https://github.com/sigstore/sigstore-java",
                "maven pom scm.url", "https://github.com/sigstore/sigstore-java")), store().declaredRepository(c));
    }

    @Test
    void mavenWithALockedHashOnlyAsksForHeaders() throws Exception {
        registry.on(JUNIT, Answer.ok("jar").withHeader("Last-Modified", "Sun, 04 Feb 2024 12:00:00 GMT"));
        registry.on(JUNIT + ".asc", Answer.ok(shared("maven-central/junit-jupiter-api-5.10.2.jar.asc")));
        Component c = locked(Ecosystem.MAVEN, "org.junit.jupiter:junit-jupiter-api", "5.10.2",
                "afff77c186cd317275803872fa5133aa801fd6ac40bd91c78a6cf8009b4b17cc junit-jupiter-api-5.10.2.jar");
        FetchOutcome o = fetch(http(), c).get(0);
        assertEquals(List.of("junit-jupiter-api-5.10.2.jar.asc", "release.json"), o.stored());
        assertEquals(List.of("junit-jupiter-api-5.10.2.jar.sigstore.json"), o.notPublished());
        assertEquals(List.of("HEAD"), registry.seen().stream().filter(s -> s.path().equals(JUNIT))
                .map(FakeRegistry.Seen::method).toList());
    }

    @Test
    void everyPackageGetsAnOutcomeAndOneFailureDoesNotStopTheOthers() throws Exception {
        serveSigstoreNpm();
        registry.on("/broken", Answer.status(500));
        Component git = Component.builder(Ecosystem.NPM, "fork", "1.0.0")
                .source(Source.of(SourceKind.GIT, "git+https://example.invalid/fork.git")).build();
        Component unpinned = Component.builder(Ecosystem.NPM, "loose", "").build();
        List<FetchOutcome> outcomes = fetch(http(), npm("sigstore", "1.0.0"), npm("broken", "1.0.0"), git, unpinned,
                npm("sigstore", "1.0.0"));
        assertEquals(List.of("broken FAILED HTTP 500 from " + registry.url("/broken"),
                        "fork SKIPPED not a registry package (git)", "loose SKIPPED not pinned to a version",
                        "sigstore FETCHED "),
                outcomes.stream().map(o -> o.component().name() + " " + o.status() + " " + o.detail()).toList());
        assertEquals(3, registry.count("/broken"), "retried twice");
        assertEquals(1, registry.count("/sigstore"), "the same name@version is fetched once");
    }

    @Test
    void componentWithoutRegistryUrlStaysUnverified() {
        AttestationFetcher fetcher = new AttestationFetcher(http(), store(),
                new RegistryLocator(RegistryLocator.Options.none(), new UserConfig(storeDir, java.util.Map.of())), 2);
        FetchOutcome o = fetcher.fetch(List.of(npm("a", "1.0.0")), (d, t) -> { }).get(0);
        assertEquals(Status.NO_REGISTRY, o.status());
        assertEquals("unverified: no npm registry configured (npm_config_registry, .npmrc registry=) and the "
                + "lockfile records none: run `npm config set registry URL`, or pass --npm-registry URL", o.detail());
    }

    @Test
    void secondFetchIsServedFromTheCache() throws Exception {
        serveSigstoreNpm();
        fetch(http(), npm("sigstore", "1.0.0"));
        int requests = registry.seen().size();
        assertEquals(2, requests);
        assertEquals(Status.FETCHED, fetch(http(), npm("sigstore", "1.0.0")).get(0).status());
        assertEquals(requests, registry.seen().size());
    }

    @Test
    void offlineSendsNothingAndSaysSo() throws Exception {
        serveSigstoreNpm();
        Network offline = new CachingNetwork(new OfflineNetwork(), cacheDir, Duration.ofHours(24), Clock.systemUTC());
        FetchOutcome o = fetch(offline, npm("sigstore", "1.0.0")).get(0);
        assertEquals(Status.FAILED, o.status());
        assertTrue(o.detail().startsWith("network disabled by --offline (wanted " + registry.url("/sigstore")),
                o.detail());
        assertEquals(List.of(), registry.seen());
        fetch(http(), npm("sigstore", "1.0.0"));
        assertEquals(Status.FETCHED, fetch(offline, npm("sigstore", "1.0.0")).get(0).status(),
                "offline, the cache answers");
    }

    @Test
    void progressIsToldOncePerPackage() throws Exception {
        serveSigstoreNpm();
        AtomicInteger calls = new AtomicInteger();
        String base = registry.url("");
        new AttestationFetcher(http(), store(), new RegistryLocator(new RegistryLocator.Options(Optional.of(base),
                Optional.empty(), Optional.empty()), new UserConfig(storeDir, java.util.Map.of())), 8)
                .fetch(List.of(npm("sigstore", "1.0.0"), npm("a", "1"), npm("b", "1")),
                        (done, total) -> calls.incrementAndGet());
        assertEquals(3, calls.get());
    }

    @Test
    void theProgressCounterNeverGoesBackwards() {
        List<Integer> told = new java.util.ArrayList<>();
        AttestationFetcher.Progress p = AttestationFetcher.monotonic((done, total) -> told.add(done));
        for (int done : new int[] {1, 3, 2, 4, 4, 6, 5}) {
            p.done(done, 6);
        }
        assertEquals(List.of(1, 3, 4, 6), told);
    }

    @Test
    void aPackumentIsCachedWithOnlyWhatVerificationNeeds() throws Exception {
        registry.on("/big", Answer.ok("""
                {"name": "big", "readme": "%s", "time": {"1.0.0": "2024-01-01T00:00:00Z"},
                 "versions": {"1.0.0": {"description": "%s", "dependencies": {"a": "1"},
                   "dist": {"integrity": "%s"}, "scripts": {"test": "t", "postinstall": "p"},
                   "repository": "github:o/big"}}}""".formatted("r".repeat(50_000), "d".repeat(5_000),
                SIGSTORE_INTEGRITY)));
        assertEquals(Status.FETCHED, fetch(http(), npm("big", "1.0.0")).get(0).status());
        long cached;
        try (var files = Files.list(cacheDir)) {
            cached = files.filter(f -> f.toString().endsWith(".body")).mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(cached < 2_000, "cached " + cached + " bytes of a 55 kB packument");
        assertEquals(Boolean.TRUE, store().release(npm("big", "1.0.0")).orElseThrow().installScript());
        assertTrue(store().declaredRepository(npm("big", "1.0.0")).isPresent());
    }
}
