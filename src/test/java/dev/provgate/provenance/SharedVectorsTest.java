// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.VerificationResult.Outcome;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of ../shared/sigstore/expected.json gives the outcome stated there. */
class SharedVectorsTest {
    private static final Clock CLOCK = ConformanceBundleVerifyTest.CLOCK;

    static Stream<Arguments> cases() throws IOException {
        Path expected = SharedData.require("sigstore/expected.json");
        JsonObject doc = JsonParser.parseString(Files.readString(expected)).getAsJsonObject();
        return doc.getAsJsonArray("cases").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(c -> Arguments.of(c.get("id").getAsString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseHasItsExpectedOutcome(String id, JsonObject c) throws IOException {
        switch (s(c, "kind")) {
            case "sigstore-bundle" -> sigstoreBundle(c);
            case "pgp" -> pgp(c);
            case "npm-attestations" -> npmAttestations(c);
            case "npm-registry-signatures" -> npmRegistrySignatures(c);
            case "pep740" -> pep740(c);
            default -> throw new AssertionError("unknown kind " + s(c, "kind"));
        }
    }

    private static void sigstoreBundle(JsonObject c) {
        IdentityPolicy policy = c.has("san") ? IdentityPolicy.exact(s(c, "issuer"), s(c, "san"))
                : IdentityPolicy.anyIdentity();
        VerificationResult r = verifier(s(c, "trustedRoot")).verify(
                ArtifactDigest.ofHex(HashAlgorithm.SHA256, s(c, "artifactSha256")),
                AttestationBundle.read(shared(s(c, "bundle"))), policy);
        assertEquals(identityOutcome(s(c, "expect")), r.outcome(), r.reason());
    }

    private static void pgp(JsonObject c) throws IOException {
        PgpSignatureVerifier verifier = new PgpSignatureVerifier(PgpKeyring.load(List.of(shared(s(c, "keyring")))));
        byte[] asc = Files.readAllBytes(shared(s(c, "signature")));
        Path file = c.has("file") ? shared(s(c, "file")) : localMavenFile(s(c, "filePathInMavenCentral"));
        VerificationResult r = verifier.verify(file, asc);
        Outcome want = "unknown-key".equals(s(c, "expect")) ? Outcome.UNVERIFIED : outcome(s(c, "expect"));
        assertEquals(want, r.outcome(), r.reason());
        String fingerprint = s(c, "signerFingerprint");
        // an unknown key is reported by the 64-bit key id the signature carries: the fingerprint's last 16 digits
        assertEquals(want == Outcome.UNVERIFIED ? fingerprint.substring(24) : fingerprint,
                r.identity().keyFingerprint());
    }

    private static void npmAttestations(JsonObject c) {
        NpmAttestationVerifier verifier = new NpmAttestationVerifier(TrustedRoot.load(shared(s(c, "trustedRoot"))),
                NpmRegistryKeys.load(shared(s(c, "registryKeys"))), CLOCK);
        IdentityPolicy policy = new IdentityPolicy(IdentityPolicy.GITHUB_ACTIONS, "", s(c, "sourceRepository"),
                "", "");
        List<NpmAttestationVerifier.Attestation> results = verifier.verifyAll(
                new NpmPackage(s(c, "package"), s(c, "version")),
                ArtifactDigest.ofHex(HashAlgorithm.SHA512, s(c, "tarballSha512")),
                AttestationBundle.read(shared(s(c, "attestations"))), policy);
        assertEquals(2, results.size());
        for (NpmAttestationVerifier.Attestation a : results) {
            assertEquals(outcome(s(c, "expect")), a.result().outcome(), a.mechanism() + ": " + a.result().reason());
        }
    }

    private static void npmRegistrySignatures(JsonObject c) throws IOException {
        JsonObject cases = JsonParser.parseString(Files.readString(shared(s(c, "cases")))).getAsJsonObject();
        // a day on which both the old (until 2025-01-29) and the new (from 2025-01-13) key were valid
        Clock bothKeysValid = Clock.fixed(Instant.parse("2025-01-20T00:00:00Z"), ZoneOffset.UTC);
        NpmRegistrySignatureVerifier verifier = new NpmRegistrySignatureVerifier(
                NpmRegistryKeys.load(shared(s(c, "registryKeys"))), bothKeysValid);
        int checked = 0;
        for (JsonElement e : cases.getAsJsonArray("cases")) {
            JsonObject k = e.getAsJsonObject();
            VerificationResult r = verifier.verify(new NpmPackage(s(k, "name"), s(k, "version")), s(k, "integrity"),
                    s(k, "keyid"), s(k, "sig"), null);
            assertEquals(k.get("expect").getAsBoolean() ? Outcome.VERIFIED : Outcome.FAILED, r.outcome(),
                    s(k, "name") + "@" + s(k, "version") + ": " + r.reason());
            checked++;
        }
        assertEquals(10, checked);
    }

    private static void pep740(JsonObject c) {
        PypiAttestationVerifier verifier = new PypiAttestationVerifier(verifier(s(c, "trustedRoot")));
        JsonObject p = c.getAsJsonObject("publisher");
        IdentityPolicy policy = switch (s(p, "kind")) {
            case "GitHub" -> new TrustedPublisher(TrustedPublisher.Kind.GITHUB, s(p, "repository"),
                    s(p, "workflow"), "").identityPolicy();
            case "GitLab" -> new TrustedPublisher(TrustedPublisher.Kind.GITLAB, s(p, "repository"),
                    s(p, "workflow_filepath"), "").identityPolicy();
            default -> IdentityPolicy.exact(s(p, "issuer"), s(p, "email"));
        };
        ArtifactDigest digest = ArtifactDigest.ofHex(HashAlgorithm.SHA256, s(c, "distSha256"));
        AttestationBundle attestation = AttestationBundle.read(shared(s(c, "attestation")));
        List<VerificationResult> results = s(c, "attestation").endsWith(".provenance")
                ? verifier.verifyProvenance(s(c, "distFilename"), digest, attestation, policy)
                : List.of(verifier.verify(s(c, "distFilename"), digest, attestation, policy));
        assertFalse(results.isEmpty());
        for (VerificationResult r : results) {
            assertEquals(identityOutcome(s(c, "expect")), r.outcome(), r.reason());
        }
    }

    static SigstoreVerifier verifier(String trustedRoot) {
        return SigstoreVerifier.builder().trustedRoot(TrustedRoot.load(shared(trustedRoot))).clock(CLOCK).build();
    }

    static Path shared(String relative) {
        return SharedData.require("sigstore/" + relative);
    }

    /** A file as Maven Central serves it, from the local Maven repository; skips when it is not there. */
    static Path localMavenFile(String repositoryPath) {
        Path p = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(repositoryPath);
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: " + p + " is not in the local Maven repository");
        return p;
    }

    /**
     * The failing bundle and PEP 740 cases differ from good ones only in the expected signer (a SAN with another tag,
     * another workflow): a good signature by someone else is a MISMATCH, never a failed (tampered) verification.
     */
    private static Outcome identityOutcome(String expect) {
        return "failed".equals(expect) ? Outcome.MISMATCH : outcome(expect);
    }

    private static Outcome outcome(String expect) {
        return Outcome.valueOf(expect.toUpperCase(java.util.Locale.ROOT));
    }

    private static String s(JsonObject o, String member) {
        return o.has(member) ? o.get(member).getAsString() : "";
    }

}
