// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real bundles with one thing changed must not verify: each row is a vector, a mutation and the outcome. The
 * unchanged vectors verify (SharedVectorsTest), so each failure here is the mutation's doing.
 */
class TamperedVectorsTest {
    private static final String MAVEN = "maven-central/sigstore-java-2.0.0.jar.sigstore.json";
    private static final String MAVEN_SHA256 = "f338c08740cdb2e663737abaf372fc3c442210ab7291c991e180797bd886cd61";
    private static final String PLAYWRIGHT = "sigstore-dotnet/playwright-cli-0.1.1-attestations.json";
    private static final String PLAYWRIGHT_SHA512 = "f64d7565f0f001f3150c322e1155b55afb3c4a80cd5c863574d43ef42f7f492f"
            + "199849647317acbb97a82fbbcd6bdea7b626d419aab54ccdaa428aaf765fc8f6";
    private static final String SIGSTORE_JS = "npm-cli/sigstore-1.0.0.attestations.json";
    private static final String SIGSTORE_JS_SHA512 = "7bea9f6e7ff37f5fab0b36bf061200fff03099fd2fd696b91d04bc5e4f225eb9"
            + "fd6e0cadcad54ba980f43fb352a99e8810b4e0abeb5c0ef2cf9108cd1f258b36";

    private static final Consumer<JsonObject> DSSE_SIG = b -> flip(sig(b), "sig");
    private static final Consumer<JsonObject> DSSE_PAYLOAD = b -> flip(b.getAsJsonObject("dsseEnvelope"), "payload");
    private static final Consumer<JsonObject> SET = b -> flip(entry(b).getAsJsonObject("inclusionPromise"),
            "signedEntryTimestamp");
    private static final Consumer<JsonObject> PROOF_HASH = b -> {
        var hashes = entry(b).getAsJsonObject("inclusionProof").getAsJsonArray("hashes");
        hashes.set(0, new com.google.gson.JsonPrimitive(flipped(hashes.get(0).getAsString())));
    };
    private static final Consumer<JsonObject> NO_PROOF = b -> entry(b).remove("inclusionProof");
    private static final Consumer<JsonObject> TIME_PLUS_ONE = b -> bump(entry(b), "integratedTime");
    private static final Consumer<JsonObject> INDEX_PLUS_ONE = b -> bump(entry(b), "logIndex");
    private static final Consumer<JsonObject> NO_CERTIFICATE = b -> {
        JsonObject m = b.getAsJsonObject("verificationMaterial");
        m.remove("certificate");
        m.remove("x509CertificateChain");
    };
    private static final Consumer<JsonObject> UNKNOWN_KEY = b -> b.getAsJsonObject("verificationMaterial")
            .getAsJsonObject("publicKey").addProperty("hint", "SHA256:unknown");

    static Stream<Arguments> maven() {
        return Stream.of(
                Arguments.of("message signature byte", (Consumer<JsonObject>) b -> flip(
                        b.getAsJsonObject("messageSignature"), "signature"), Outcome.FAILED),
                Arguments.of("forged message digest", (Consumer<JsonObject>) b -> flip(
                        b.getAsJsonObject("messageSignature").getAsJsonObject("messageDigest"), "digest"),
                        Outcome.FAILED),
                Arguments.of("SET byte", SET, Outcome.FAILED),
                Arguments.of("inclusion proof hash", PROOF_HASH, Outcome.FAILED),
                Arguments.of("no inclusion proof", NO_PROOF, Outcome.FAILED),
                Arguments.of("integratedTime + 1", TIME_PLUS_ONE, Outcome.FAILED),
                Arguments.of("logIndex + 1", INDEX_PLUS_ONE, Outcome.FAILED),
                Arguments.of("no certificate", NO_CERTIFICATE, Outcome.FAILED),
                Arguments.of("SHA-384 digest", (Consumer<JsonObject>) b -> b.getAsJsonObject("messageSignature")
                        .getAsJsonObject("messageDigest").addProperty("algorithm", "SHA2_384"), Outcome.UNSUPPORTED));
    }

    @ParameterizedTest(name = "maven bundle, {0}")
    @MethodSource("maven")
    void mavenBundle(String name, Consumer<JsonObject> mutation, Outcome expected) throws IOException {
        JsonObject bundle = load(MAVEN);
        mutation.accept(bundle);
        VerificationResult r = SharedVectorsTest.verifier("tuf-seeds/trusted_root.json").verify(
                ArtifactDigest.ofHex(HashAlgorithm.SHA256, MAVEN_SHA256), asBundle(bundle),
                IdentityPolicy.githubRepository("sigstore/sigstore-java"));
        assertEquals(expected, r.outcome(), r.reason());
    }

    static Stream<Arguments> npm() {
        return Stream.of(
                Arguments.of(PLAYWRIGHT, 1, "DSSE signature byte", DSSE_SIG, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 1, "payload byte", DSSE_PAYLOAD, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 1, "SET byte", SET, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 1, "inclusion proof hash", PROOF_HASH, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 1, "no inclusion proof (v0.3)", NO_PROOF, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 1, "integratedTime + 1", TIME_PLUS_ONE, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 1, "logIndex + 1", INDEX_PLUS_ONE, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 1, "no certificate", NO_CERTIFICATE, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 0, "publish: signature byte", DSSE_SIG, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 0, "publish: no inclusion proof (v0.2)", NO_PROOF, Outcome.FAILED),
                Arguments.of(PLAYWRIGHT, 0, "publish: unknown key hint", UNKNOWN_KEY, Outcome.UNVERIFIED),
                Arguments.of(SIGSTORE_JS, 0, "v0.1 intoto: signature byte", DSSE_SIG, Outcome.FAILED),
                Arguments.of(SIGSTORE_JS, 0, "v0.1 intoto: SET byte", SET, Outcome.FAILED),
                Arguments.of(SIGSTORE_JS, 0, "v0.1 intoto: integratedTime + 1", TIME_PLUS_ONE, Outcome.FAILED),
                Arguments.of(SIGSTORE_JS, 1, "v0.1 publish: payload byte", DSSE_PAYLOAD, Outcome.FAILED),
                Arguments.of(SIGSTORE_JS, 1, "v0.1 publish: logIndex + 1", INDEX_PLUS_ONE, Outcome.FAILED));
    }

    @ParameterizedTest(name = "{0} [{1}], {2}")
    @MethodSource("npm")
    void npmAttestation(String file, int index, String name, Consumer<JsonObject> mutation, Outcome expected)
            throws IOException {
        JsonObject attestation = load(file).getAsJsonArray("attestations").get(index).getAsJsonObject();
        JsonObject bundle = attestation.getAsJsonObject("bundle");
        mutation.accept(bundle);
        boolean playwright = file.equals(PLAYWRIGHT);
        VerificationResult r = npmVerifier().verify(
                playwright ? new NpmPackage("@playwright/cli", "0.1.1") : new NpmPackage("sigstore", "1.0.0"),
                ArtifactDigest.ofHex(HashAlgorithm.SHA512, playwright ? PLAYWRIGHT_SHA512 : SIGSTORE_JS_SHA512),
                asBundle(bundle), attestation.get("predicateType").getAsString(),
                IdentityPolicy.githubRepository(playwright ? "microsoft/playwright-cli" : "sigstore/sigstore-js"));
        assertEquals(expected, r.outcome(), r.reason());
    }

    static Stream<Arguments> npmPolicy() {
        return Stream.of(
                Arguments.of("other tarball", new NpmPackage("@playwright/cli", "0.1.1"), SIGSTORE_JS_SHA512,
                        "microsoft/playwright-cli", "does not have the tarball's sha512"),
                Arguments.of("other version", new NpmPackage("@playwright/cli", "0.1.2"), PLAYWRIGHT_SHA512,
                        "microsoft/playwright-cli", "no subject named pkg:npm/%40playwright/cli@0.1.2"),
                Arguments.of("other repository", new NpmPackage("@playwright/cli", "0.1.1"), PLAYWRIGHT_SHA512,
                        "microsoft/playwright", "identity mismatch: source repository"));
    }

    @ParameterizedTest(name = "npm provenance, {0}")
    @MethodSource("npmPolicy")
    void npmProvenanceMismatch(String name, NpmPackage pkg, String sha512, String repo, String reason)
            throws IOException {
        JsonObject attestation = load(PLAYWRIGHT).getAsJsonArray("attestations").get(1).getAsJsonObject();
        VerificationResult r = npmVerifier().verify(pkg, ArtifactDigest.ofHex(HashAlgorithm.SHA512, sha512),
                asBundle(attestation.getAsJsonObject("bundle")), NpmAttestationVerifier.SLSA_V1,
                IdentityPolicy.githubRepository(repo));
        // another package or digest is tampering; a good signature by another repository is a mismatch
        assertEquals(reason.startsWith("identity mismatch") ? Outcome.MISMATCH : Outcome.FAILED, r.outcome(),
                r.reason());
        assertEquals(true, r.reason().contains(reason), r.reason());
    }

    private static NpmAttestationVerifier npmVerifier() {
        return new NpmAttestationVerifier(TrustedRoot.load(SharedVectorsTest.shared("tuf-seeds/trusted_root.json")),
                NpmRegistryKeys.load(SharedVectorsTest.shared("tuf-seeds/npm-registry-keys.json")),
                ConformanceBundleVerifyTest.CLOCK);
    }

    private static JsonObject load(String file) throws IOException {
        return JsonParser.parseString(Files.readString(SharedVectorsTest.shared(file))).getAsJsonObject();
    }

    private static AttestationBundle asBundle(JsonObject json) {
        return AttestationBundle.parse("tampered", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject entry(JsonObject bundle) {
        return bundle.getAsJsonObject("verificationMaterial").getAsJsonArray("tlogEntries").get(0).getAsJsonObject();
    }

    private static JsonObject sig(JsonObject bundle) {
        return bundle.getAsJsonObject("dsseEnvelope").getAsJsonArray("signatures").get(0).getAsJsonObject();
    }

    private static void flip(JsonObject holder, String member) {
        holder.addProperty(member, flipped(holder.get(member).getAsString()));
    }

    /** The same base64 value with one bit of its middle byte flipped. */
    private static String flipped(String base64) {
        byte[] b = Base64.getDecoder().decode(base64);
        b[b.length / 2] ^= 0x01;
        return Base64.getEncoder().encodeToString(b);
    }

    private static void bump(JsonObject entry, String member) {
        entry.addProperty(member, String.valueOf(Long.parseLong(entry.get(member).getAsString()) + 1));
    }
}
