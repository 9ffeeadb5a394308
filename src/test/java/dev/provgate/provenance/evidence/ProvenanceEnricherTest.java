// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static dev.provgate.provenance.evidence.ProvenanceProject.OTHER_INTEGRITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.provgate.lockfile.InventoryReader;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.IdentityPolicy;
import dev.provgate.provenance.NpmRegistryKeys;
import dev.provgate.provenance.TrustedRoot;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.RepositoryUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provenance enricher over a store built from the real vectors in ../shared/sigstore. */
class ProvenanceEnricherTest {
    private static final Path M2 = Path.of(System.getProperty("user.home"), ".m2", "repository");

    @TempDir
    Path dir;

    /** Every component's results as {@code mechanism=OUTCOME}, sorted, by {@code name@version}. */
    private static Map<String, List<ProvenanceResult>> enrich(ProvenanceProject p, ProvenanceEnricher.Settings s) {
        ProvenanceEnricher enricher = new ProvenanceEnricher(p.store(), s, Clock.systemUTC());
        Map<String, List<ProvenanceResult>> out = new TreeMap<>();
        new InventoryReader().read(List.of(p.dir())).components().forEach(c -> out.put(c.coordinates(),
                enricher.evidenceFor(c).stream().map(ProvenanceResult.class::cast).toList()));
        return out;
    }

    private static ProvenanceEnricher.Settings settings(Path localRepository, List<Path> keyrings,
                                                        ExpectedSigners expected, boolean pin) {
        return new ProvenanceEnricher.Settings(TrustedRoot::bundled, NpmRegistryKeys::bundled, keyrings,
                localRepository, expected, pin);
    }

    private ProvenanceEnricher.Settings plain() {
        return settings(dir.resolve("empty-m2"), List.of(), ExpectedSigners.none(), false);
    }

    private static String outcomes(List<ProvenanceResult> results) {
        return results.stream().map(r -> r.mechanism() + "=" + r.outcome()).sorted()
                .collect(Collectors.joining(" "));
    }

    private static String reasons(List<ProvenanceResult> results) {
        return results.stream().map(r -> r.mechanism() + ": " + r.reason()).collect(Collectors.joining("\n"));
    }

    @Test
    void everyRealVectorVerifiesFromTheStore() {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested().pypiAttested().mavenSigned();
        assumeTrue(Files.isRegularFile(M2.resolve(
                "org/junit/jupiter/junit-jupiter-api/5.10.2/junit-jupiter-api-5.10.2.jar")), "junit 5.10.2 jar");
        Map<String, List<ProvenanceResult>> results = enrich(p, settings(M2,
                List.of(ProvenanceProject.shared(ProvenanceProject.JUNIT_KEYRING)), ExpectedSigners.none(), false));
        Map<String, String> expected = new TreeMap<>(Map.of(
                "@playwright/cli@0.1.1", "npm-provenance=VERIFIED npm-publish=VERIFIED npm-registry-signature=UNVERIFIED",
                "sigstore@1.0.0", "npm-provenance=VERIFIED npm-publish=VERIFIED npm-registry-signature=VERIFIED",
                "tuf-js@1.0.0", "npm-provenance=VERIFIED npm-publish=VERIFIED npm-registry-signature=VERIFIED",
                "pypi-attestations@0.0.19", "pypi-attestation=VERIFIED",
                // the sigstore-java release key is not pinned: unknown signer, never "bad signature"
                "dev.sigstore:sigstore-java@2.0.0", "maven-pgp=UNVERIFIED maven-sigstore=VERIFIED",
                "org.junit.jupiter:junit-jupiter-api@5.10.2", "maven-pgp=VERIFIED maven-sigstore=UNVERIFIED"));
        Map<String, String> actual = new TreeMap<>();
        results.forEach((k, v) -> actual.put(k, outcomes(v)));
        assertEquals(expected, actual);
        ProvenanceResult playwright = results.get("@playwright/cli@0.1.1").stream()
                .filter(r -> r.mechanism().equals("npm-provenance")).findFirst().orElseThrow();
        assertEquals("https://github.com/microsoft/playwright-cli", playwright.identity().sourceRepository());
        assertEquals(953297574L, playwright.logIndex());
        assertTrue(playwright.reason().contains("no expected identity in the policy"), playwright.reason());
        assertTrue(reasons(results.get("@playwright/cli@0.1.1")).contains("no npm registry signature published"));
        assertTrue(reasons(results.get("org.junit.jupiter:junit-jupiter-api@5.10.2"))
                .contains("no Sigstore bundle of junit-jupiter-api-5.10.2.jar published"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nothing stored|         npm-provenance=UNVERIFIED npm-registry-signature=UNVERIFIED"
                    + "| npm attestation of left-pad@1.3.0 not fetched: run provgate attestations fetch",
            "not published|          npm-provenance=UNVERIFIED npm-registry-signature=UNVERIFIED"
                    + "| no npm attestation published for left-pad@1.3.0",
            "git dependency|         npm-provenance=UNVERIFIED"
                    + "| not a registry package version (git)",
    })
    void missingEvidenceIsUnverifiedWithTheReason(String scenario, String outcomes, String reason) {
        ProvenanceProject p = new ProvenanceProject(dir);
        if (scenario.equals("git dependency")) {
            gitDependency(p);
        } else {
            p.npm("left-pad", "1.3.0", OTHER_INTEGRITY);
        }
        if (scenario.equals("not published")) {
            p.notPublished(Ecosystem.NPM, "left-pad", "1.3.0", AttestationStore.NPM_ATTESTATIONS,
                    AttestationStore.NPM_REGISTRY_SIGNATURES);
        }
        List<ProvenanceResult> results = enrich(p, plain()).values().iterator().next();
        assertEquals(outcomes, outcomes(results));
        assertTrue(reasons(results).contains(reason), reasons(results));
    }

    private static void gitDependency(ProvenanceProject p) {
        try {
            Files.writeString(p.dir().resolve("package-lock.json"), """
                    {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {
                      "": {"name": "app", "version": "1.0.0", "dependencies": {"left-pad": "github:o/left-pad"}},
                      "node_modules/left-pad": {"version": "1.3.0",
                        "resolved": "git+ssh://git@github.com/o/left-pad.git#0123456789abcdef0123456789abcdef01234567"}
                    }}
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aChangedLockfileHashBreaksTheDigestTriangle() {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested().npm("sigstore", "1.0.0", OTHER_INTEGRITY)
                .pylock("0".repeat(64));
        p.stored(Ecosystem.PYPI, "pypi-attestations", "0.0.19", ProvenanceProject.PYPI_ATTESTATIONS_SDIST
                + AttestationStore.PYPI_PROVENANCE_SUFFIX, "pypi-attestations/pypi_attestations-0.0.19.tar.gz.provenance");
        Map<String, List<ProvenanceResult>> results = enrich(p, plain());
        List<ProvenanceResult> sigstore = results.get("sigstore@1.0.0");
        assertEquals("npm-provenance=FAILED npm-publish=FAILED npm-registry-signature=FAILED registry-digest=FAILED",
                outcomes(sigstore));
        assertTrue(reasons(sigstore).contains("digest mismatch: lockfile sha512 42a67b54"), reasons(sigstore));
        List<ProvenanceResult> pypi = results.get("pypi-attestations@0.0.19");
        assertEquals("pypi-attestation=FAILED", outcomes(pypi), reasons(pypi));
    }

    @Test
    void anExpectedIdentityFromThePolicyIsEnforced() {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested().pypiAttested();
        ExpectedSigners wrong = c -> Optional.of(IdentityPolicy.githubRepository("evil/fork"));
        Map<String, List<ProvenanceResult>> results = enrich(p, settings(dir.resolve("m2"), List.of(), wrong, false));
        for (String pkg : List.of("@playwright/cli@0.1.1", "sigstore@1.0.0", "pypi-attestations@0.0.19")) {
            ProvenanceResult attestation = results.get(pkg).stream()
                    .filter(r -> r.mechanism().equals("npm-provenance") || r.mechanism().equals("pypi-attestation"))
                    .findFirst().orElseThrow();
            assertEquals(ProvenanceResult.Outcome.MISMATCH, attestation.outcome(), pkg);
            assertEquals(ProvenanceResult.ExpectedBy.POLICY, attestation.expectedBy(), pkg);
            assertTrue(attestation.reason().contains("expected 'https://github.com/evil/fork'"), attestation.reason());
        }
        ExpectedSigners right = c -> Optional.of(IdentityPolicy.githubRepository("microsoft/playwright-cli"));
        ProvenanceResult ok = enrich(p,
                settings(dir.resolve("m2"), List.of(), right, false)).get("@playwright/cli@0.1.1").stream()
                .filter(r -> r.mechanism().equals("npm-provenance")).findFirst().orElseThrow();
        assertEquals(ProvenanceResult.Outcome.VERIFIED, ok.outcome(), ok.reason());
        assertTrue(ok.reason().contains("signer matches the policy's expected identity"), ok.reason());
    }

    /** Without a policy identity, a build attestation must come from the repository the version declares. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "npm same|          @playwright/cli@0.1.1|    git+https://github.com/Microsoft/Playwright-CLI.git| VERIFIED"
                    + "| source repository https://github.com/Microsoft/Playwright-CLI matches the declared repository "
                    + "in the registry metadata (test repository)",
            "npm other|         @playwright/cli@0.1.1|    https://github.com/evil/playwright-cli| MISMATCH"
                    + "| built in https://github.com/microsoft/playwright-cli, but the package declares "
                    + "https://github.com/evil/playwright-cli (declared repository in the registry metadata, test "
                    + "repository); the signature is valid. If https://github.com/microsoft/playwright-cli is right "
                    + "(a renamed or transferred repository), pin it in trust-tiers.yaml: identities: - package: "
                    + "pkg:npm/%40playwright/cli, repository: microsoft/playwright-cli",
            "pypi same|         pypi-attestations@0.0.19| https://github.com/trailofbits/pypi-attestations| VERIFIED"
                    + "| matches the declared repository in the registry metadata",
            "pypi other|        pypi-attestations@0.0.19| https://gitlab.com/trailofbits/pypi-attestations| MISMATCH"
                    + "| built in https://github.com/trailofbits/pypi-attestations, but the package declares "
                    + "https://gitlab.com/trailofbits/pypi-attestations",
    })
    void theDeclaredRepositoryIsTheExpectedSignerWithoutAPolicyIdentity(String scenario, String pkg,
                                                                        String declared, String outcome,
                                                                        String reason) {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested().pypiAttested();
        int at = pkg.lastIndexOf('@');
        Ecosystem ecosystem = scenario.startsWith("npm") ? Ecosystem.NPM : Ecosystem.PYPI;
        p.declared(ecosystem, pkg.substring(0, at), pkg.substring(at + 1),
                RepositoryUrls.normalise(declared).orElseThrow());
        ProvenanceResult r = attestation(enrich(p, plain()).get(pkg));
        assertEquals(ProvenanceResult.Outcome.valueOf(outcome), r.outcome(), r.reason());
        assertTrue(r.reason().contains(reason), r.reason());
    }

    @Test
    void thePolicyIdentityWinsOverTheDeclaredRepository() {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested()
                .declared(Ecosystem.NPM, "@playwright/cli", "0.1.1", "https://github.com/evil/playwright-cli");
        ExpectedSigners right = c -> Optional.of(IdentityPolicy.githubRepository("microsoft/playwright-cli"));
        ProvenanceResult r = attestation(enrich(p, settings(dir.resolve("m2"), List.of(), right, false))
                .get("@playwright/cli@0.1.1"));
        assertEquals(ProvenanceResult.Outcome.VERIFIED, r.outcome(), r.reason());
        assertTrue(r.reason().contains("signer matches the policy's expected identity"), r.reason());
        assertFalse(r.reason().contains("declared"), r.reason());
    }

    private static ProvenanceResult attestation(List<ProvenanceResult> results) {
        return results.stream().filter(r -> r.mechanism().equals("npm-provenance")
                || r.mechanism().equals("pypi-attestation")).findFirst().orElseThrow();
    }

    @Test
    void signersArePinnedOnlyWhenAskedAndAChangedSignerFails() {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested();
        Path pins = p.store().layout().packageDir(Ecosystem.NPM, "@playwright/cli").resolve(AttestationStore.IDENTITIES);
        enrich(p, plain());
        assertFalse(Files.exists(pins), "a plain check leaves the store untouched");
        enrich(p, settings(dir.resolve("m2"), List.of(), ExpectedSigners.none(), true));
        assertTrue(Files.exists(pins));
        assertTrue(reasons(enrich(p, plain()).get("@playwright/cli@0.1.1")).contains("same signer as pinned since "
                + "@playwright/cli@0.1.1"));

        p.store().identities().pin(Ecosystem.NPM, "@playwright/cli", "npm-provenance", "0.1.0",
                new SignerIdentity("https://token.actions.githubusercontent.com", "", "https://github.com/evil/fork",
                        "https://github.com/evil/fork/.github/workflows/publish.yml@refs/tags/v0.1.0", "", ""));
        ProvenanceResult changed = enrich(p, plain()).get("@playwright/cli@0.1.1").stream()
                .filter(r -> r.mechanism().equals("npm-provenance")).findFirst().orElseThrow();
        assertEquals(ProvenanceResult.Outcome.MISMATCH, changed.outcome());
        assertEquals(ProvenanceResult.ExpectedBy.PINNED, changed.expectedBy());
        assertTrue(changed.reason().startsWith("signer changed since @playwright/cli@0.1.0: was "
                + "https://github.com/evil/fork"), changed.reason());
        assertTrue(changed.reason().contains("now https://github.com/microsoft/playwright-cli"), changed.reason());
    }

    /** maven-lockfile locks the jar's sha256: the bundle is checked against it, and against the fetched digest. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "locked digest|         f338c08740cdb2e663737abaf372fc3c442210ab7291c991e180797bd886cd61|      "
                    + "| maven-sigstore=VERIFIED",
            "other locked digest|   0000000000000000000000000000000000000000000000000000000000000000|      "
                    + "| maven-sigstore=FAILED",
            "repository disagrees|  0000000000000000000000000000000000000000000000000000000000000000| fetched"
                    + "| maven-sigstore=FAILED registry-digest=FAILED",
    })
    void mavenBundleAgainstTheLockedDigest(String scenario, String lockedSha256, String fetched, String outcomes) {
        ProvenanceProject p = new ProvenanceProject(dir).stored(Ecosystem.MAVEN, "dev.sigstore:sigstore-java",
                "2.0.0", "sigstore-java-2.0.0.jar.sigstore.json", "maven-central/sigstore-java-2.0.0.jar.sigstore.json");
        if (fetched != null) {
            p.storedText(Ecosystem.MAVEN, "dev.sigstore:sigstore-java", "2.0.0", "sigstore-java-2.0.0.jar.sha256",
                    ProvenanceProject.SIGSTORE_JAVA_JAR_SHA256);
        }
        p.mavenLockfile(lockedSha256);
        List<ProvenanceResult> results = enrich(p, plain()).get("dev.sigstore:sigstore-java@2.0.0").stream()
                .filter(r -> !r.mechanism().equals("maven-pgp")).toList();
        assertEquals(outcomes, outcomes(results), reasons(results));
    }

    @Test
    void pgpNeedsTheArtifactInTheLocalRepository() {
        ProvenanceProject p = new ProvenanceProject(dir).mavenSigned();
        Map<String, List<ProvenanceResult>> results = enrich(p, plain());
        String junit = reasons(results.get("org.junit.jupiter:junit-jupiter-api@5.10.2"));
        assertTrue(junit.contains("maven-pgp: artifact not in the local repository: "), junit);
    }

    @Test
    void componentsOfOtherEcosystemsAreUnverified() {
        Component c = Component.builder(Ecosystem.OTHER, "zlib", "1.3").purl("pkg:deb/debian/zlib@1.3").build();
        ProvenanceEnricher enricher = new ProvenanceEnricher(new ProvenanceProject(dir).store(), plain(),
                Clock.systemUTC());
        ProvenanceResult r = (ProvenanceResult) enricher.evidenceFor(c).get(0);
        assertEquals(ProvenanceResult.Outcome.UNVERIFIED, r.outcome());
        assertEquals("no provenance verification for pkg:deb/debian/zlib@1.3", r.reason());
    }

    @Test
    void aVersionWithoutAttestationOfAPackageAttestedBeforeFails() throws Exception {
        ProvenanceProject p = new ProvenanceProject(dir);
        java.nio.file.Files.writeString(dir.resolve("requirements.txt"), "litellm==1.82.7 \\\n"
                + "    --hash=sha256:8395c3268d5c5dbae1c7c6d4bb3c318c752ba4608cfcd90eb97ffb94a910eac2\n");
        ProvenanceEnricher enricher = new ProvenanceEnricher(p.store(), plain(), Clock.systemUTC());
        Component litellm = new InventoryReader().read(List.of(dir)).components().findFirst().orElseThrow();

        ProvenanceResult before = (ProvenanceResult) enricher.evidenceFor(litellm).get(0);
        assertEquals(ProvenanceResult.Outcome.UNVERIFIED, before.outcome(), before.reason());

        p.store().identities().pin(Ecosystem.PYPI, "litellm", Mechanisms.PYPI_ATTESTATION, "1.82.6",
                new dev.provgate.model.SignerIdentity("https://token.actions.githubusercontent.com", "",
                        "https://github.com/BerriAI/litellm", ".github/workflows/publish.yml", "", ""));
        ProvenanceResult after = (ProvenanceResult) enricher.evidenceFor(litellm).get(0);
        assertEquals(ProvenanceResult.Outcome.MISMATCH, after.outcome());
        assertEquals(ProvenanceResult.ExpectedBy.PINNED, after.expectedBy());
        assertTrue(after.reason().startsWith("provenance lapsed: litellm@1.82.6 was attested by "
                + "https://github.com/BerriAI/litellm (.github/workflows/publish.yml, issuer "
                + "https://token.actions.githubusercontent.com), but litellm@1.82.7 has no verified "
                + "pypi-attestation ("), after.reason());
    }

    /** The registry signs every package: a document without dist.signatures is an anomaly, said in those words. */
    @Test
    void aMissingRegistrySignatureIsAnAnomalyWhenTheRegistrySignsEverything() {
        ProvenanceProject p = new ProvenanceProject(dir).npm("tuf-js", "1.0.0", ProvenanceProject.TUF_JS_INTEGRITY);
        new dev.provgate.provenance.store.StoreWriter(p.store()).recordNotPublished(Ecosystem.NPM, "tuf-js", "1.0.0",
                java.util.Set.of("registry-signatures.json", "attestations.json"), Map.of("registry-signatures.json",
                        "the registry document has no dist.signatures (https://npm.registry.invalid/tuf-js)"));
        p.publishedAt(Ecosystem.NPM, "tuf-js", "1.0.0", "2023-02-09T17:38:25Z");
        ProvenanceResult r = enrich(p, plain()).get("tuf-js@1.0.0").stream()
                .filter(x -> x.mechanism().equals("npm-registry-signature")).findFirst().orElseThrow();
        assertEquals(ProvenanceResult.Outcome.UNVERIFIED, r.outcome());
        assertEquals("anomaly: no npm registry signature published for tuf-js@1.0.0 (the registry document has no "
                + "dist.signatures (https://npm.registry.invalid/tuf-js)), although the registry signs every package "
                + "published at 2023-02-09T17:38:25Z (key SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA): a "
                + "mirror that strips signatures?", r.reason());
    }
}
