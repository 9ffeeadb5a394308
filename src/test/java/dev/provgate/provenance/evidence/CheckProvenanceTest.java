// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static dev.provgate.provenance.evidence.ProvenanceProject.OTHER_INTEGRITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.store.AttestationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate check} with a trust-tiers policy that requires provenance, over a store of real vectors. */
class CheckProvenanceTest {
    private static final String POLICY = """
            version: 1
            builtin_classification: false
            default_tier: signed
            tiers:
              0:
                name: attested
                requires:
                  provenance: attested
              1:
                name: signed
                requires:
                  provenance: signature
            rules:
              - package: pkg:npm/**
                tier: attested
              - package: pkg:pypi/*
                tier: attested
            identities:
              - package: pkg:npm/@playwright/cli
                repository: %s
                workflow: .github/workflows/publish.yml
              - package: pkg:pypi/pypi-attestations
                repository: trailofbits/pypi-attestations
            """;

    private static final Path M2 = Path.of(System.getProperty("user.home"), ".m2", "repository");

    @TempDir
    Path dir;

    private ProvenanceProject project(String playwrightRepository) {
        return new ProvenanceProject(dir).npmAttested().pypiAttested().mavenSigned()
                .policy(POLICY.formatted(playwrightRepository));
    }

    /**
     * Check with the user's local Maven repository (the build put junit-jupiter-api 5.10.2 there) and the JUnit
     * signer's key pinned, so the Maven PGP signature is verified against the jar's bytes.
     */
    private CliRunner.Result check(String... more) {
        assumeTrue(Files.isRegularFile(M2.resolve("org/junit/jupiter/junit-jupiter-api/5.10.2/"
                + "junit-jupiter-api-5.10.2.jar")), "junit-jupiter-api 5.10.2 not in the local Maven repository");
        List<String> args = new ArrayList<>(List.of("check", dir.toString(), "--maven-local", M2.toString(),
                "--pgp-keyring", ProvenanceProject.shared(ProvenanceProject.JUNIT_KEYRING).toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void verifiedProvenanceWithTheExpectedIdentityPasses() {
        project("microsoft/playwright-cli");
        CliRunner.Result r = check();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.out().contains("tier/provenance"), r.out());
    }

    @Test
    void aPgpSignatureNeedsTheArtifactBytes() {
        project("microsoft/playwright-cli");
        CliRunner.Result r = CliRunner.run("check", dir.toString(), "--maven-local", dir.resolve("m2").toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("maven-pgp unverified: artifact not in the local repository"), r.out());
    }

    @Test
    void aWrongExpectedRepositoryBlocks() {
        project("microsoft/not-playwright");
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("tier/provenance"), r.out());
        assertTrue(r.out().contains("@playwright/cli"), r.out());
        assertTrue(r.out().contains("expected 'https://github.com/microsoft/not-playwright'"), r.out());
    }

    @Test
    void withoutAPolicyIdentityTheDeclaredRepositoryDecides() {
        ProvenanceProject p = project("microsoft/playwright-cli")
                .declared(Ecosystem.NPM, "sigstore", "1.0.0", "https://github.com/sigstore/sigstore-js");
        assertEquals(0, check().exitCode(), "sigstore 1.0.0 was built from the repository it declares");
        p.declared(Ecosystem.NPM, "tuf-js", "1.0.0", "https://github.com/evil/tuf-js");
        CliRunner.Result r = check();
        // a declared repository is unsigned metadata: another one is a warning of its own, not a failed verification
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("provenance/declared-repository"), r.out());
        assertTrue(r.out().contains("but the package declares https://github.com/evil/tuf-js"), r.out());
        assertTrue(r.out().contains("declared repository in the registry metadata"), r.out());
        assertFalse(r.out().contains("provenance/tampered"), r.out());
    }

    /** sigstore-java 2.0.0's bundle was signed by its release workflow; its POM's scm names the repository. */
    @Test
    void aMavenBundleIsComparedWithTheRepositoryThePomDeclares() {
        ProvenanceProject p = project("microsoft/playwright-cli").declared(Ecosystem.MAVEN,
                "dev.sigstore:sigstore-java", "2.0.0", "https://github.com/sigstore/sigstore-java");
        CliRunner.Result same = check();
        assertEquals(0, same.exitCode(), same.out() + same.err());
        p.declared(Ecosystem.MAVEN, "dev.sigstore:sigstore-java", "2.0.0", "https://github.com/evil/sigstore-java");
        CliRunner.Result other = check();
        assertEquals(0, other.exitCode(), other.out() + other.err());
        assertTrue(other.out().contains("provenance/declared-repository"), other.out());
        assertTrue(other.out().contains("built in https://github.com/sigstore/sigstore-java, but the package "
                + "declares https://github.com/evil/sigstore-java"), other.out());
    }

    @Test
    void aDeclaredRepositoryOnAnotherHostIsAnInputErrorNamingTheFile() {
        project("microsoft/playwright-cli").declared(Ecosystem.NPM, "tuf-js", "1.0.0", "https://example.invalid/t/t");
        CliRunner.Result r = check();
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("tuf-js/1.0.0/declared.json"), r.err());
        assertTrue(r.err().contains("not a GitHub or GitLab repository URL"), r.err());
    }

    @Test
    void aChangedLockfileHashBlocks() {
        project("microsoft/playwright-cli").npm("@playwright/cli", "0.1.1", OTHER_INTEGRITY);
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("does not have the tarball's sha512"), r.out());
    }

    @Test
    void aMissingStoreEntryFailsClosed() {
        project("microsoft/playwright-cli").npm("left-pad", "1.3.0", OTHER_INTEGRITY);
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("npm attestation of left-pad@1.3.0 not fetched: run provgate attestations fetch"),
                r.out());
    }

    @Test
    void aSignerOtherThanThePinnedOneBlocks() {
        ProvenanceProject p = project("microsoft/playwright-cli");
        p.store().identities().pin(Ecosystem.NPM, "tuf-js", "npm-provenance", "0.9.0",
                new SignerIdentity("https://token.actions.githubusercontent.com", "", "https://github.com/evil/tuf-js",
                        "https://github.com/evil/tuf-js/.github/workflows/publish.yml@refs/tags/v0.9.0", "", ""));
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("signer changed since tuf-js@0.9.0"), r.out());
    }

    @Test
    void aGarbledStoreFileIsAnInputErrorNamingTheFile() {
        project("microsoft/playwright-cli").storedText(Ecosystem.NPM, "tuf-js", "1.0.0",
                AttestationStore.NPM_ATTESTATIONS, "{\"attestations\": [");
        CliRunner.Result r = check();
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("provgate: "), r.err());
        assertTrue(r.err().contains("tuf-js/1.0.0/attestations.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void pinIdentitiesRecordsSignersAndAPlainCheckWritesNothing() {
        ProvenanceProject p = project("microsoft/playwright-cli");
        Path pins = p.store().layout().packageDir(Ecosystem.PYPI, "pypi-attestations")
                .resolve(AttestationStore.IDENTITIES);
        assertEquals(0, check().exitCode());
        assertFalse(Files.exists(pins));
        assertEquals(0, check("--pin-identities").exitCode());
        assertTrue(Files.exists(pins));
    }
}
