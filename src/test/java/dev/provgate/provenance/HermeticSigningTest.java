// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static dev.provgate.provenance.TestSigstore.arr;
import static dev.provgate.provenance.TestSigstore.b64;
import static dev.provgate.provenance.TestSigstore.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bundles signed here with a private CA, CT log and Rekor key (TestSigstore): a good one verifies, and each defect
 * gives the outcome and reason in the table. No shared data, no network.
 */
class HermeticSigningTest {
    private static final String SAN = "https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/v1.0.0";
    private static final String REPO = "https://github.com/acme/widget";
    private static final byte[] ARTIFACT = "the artifact\n".getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED = TestSigstore.EPOCH.plus(Duration.ofMinutes(1));
    private static final Clock CLOCK = Clock.fixed(TestSigstore.EPOCH.plus(Duration.ofDays(1)), ZoneOffset.UTC);

    private static TestSigstore sigstore;
    private static SigstoreVerifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        sigstore = new TestSigstore();
        verifier = SigstoreVerifier.builder().trustedRoot(TrustedRoot.parse("test root", sigstore.trustedRoot()))
                .clock(CLOCK).build();
    }

    /** What to sign and how: the artifact, the leaf's start and issuer, the integrated time, a final mutation. */
    record Recipe(byte[] artifact, Instant notBefore, KeyPair issuer, Instant integrated,
                  Consumer<JsonObject> mutation) {
        static Recipe good() {
            return new Recipe(ARTIFACT, TestSigstore.EPOCH, null, SIGNED, b -> { });
        }

        Recipe artifact(byte[] a) {
            return new Recipe(a, notBefore, issuer, integrated, mutation);
        }

        Recipe notBefore(Instant t) {
            return new Recipe(artifact, t, issuer, integrated, mutation);
        }

        Recipe issuer(KeyPair k) {
            return new Recipe(artifact, notBefore, k, integrated, mutation);
        }

        Recipe integrated(Instant t) {
            return new Recipe(artifact, notBefore, issuer, t, mutation);
        }

        Recipe mutate(Consumer<JsonObject> m) {
            return new Recipe(artifact, notBefore, issuer, integrated, m);
        }
    }

    static Stream<Arguments> messageSignatures() {
        IdentityPolicy repo = IdentityPolicy.githubRepository("acme/widget");
        return Stream.of(
                Arguments.of("good", Recipe.good(), repo, Outcome.VERIFIED, ""),
                Arguments.of("exact identity", Recipe.good(),
                        IdentityPolicy.exact(IdentityPolicy.GITHUB_ACTIONS, SAN), Outcome.VERIFIED, ""),
                Arguments.of("wrong digest", Recipe.good().artifact("another artifact\n".getBytes(StandardCharsets.UTF_8)),
                        repo, Outcome.FAILED, "digest"),
                Arguments.of("wrong identity", Recipe.good(), IdentityPolicy.githubRepository("acme/gadget"),
                        Outcome.MISMATCH, "identity mismatch: source repository"),
                Arguments.of("wrong ref", Recipe.good(), new IdentityPolicy("", "", REPO, "", "refs/heads/main"),
                        Outcome.MISMATCH, "git ref is 'refs/tags/v1.0.0'"),
                Arguments.of("certificate expired at signing", Recipe.good().integrated(
                        TestSigstore.EPOCH.plus(Duration.ofMinutes(11))), repo, Outcome.FAILED,
                        "outside the certificate's validity"),
                Arguments.of("signed before the certificate", Recipe.good().notBefore(SIGNED.plusSeconds(30)),
                        repo, Outcome.FAILED, "outside the certificate's validity"),
                Arguments.of("integrated time in the future", Recipe.good()
                        .notBefore(CLOCK.instant().plus(Duration.ofHours(1)))
                        .integrated(CLOCK.instant().plus(Duration.ofHours(1)).plusSeconds(60)), repo, Outcome.FAILED,
                        "in the future"),
                Arguments.of("unknown CA", Recipe.good().issuer(TestSigstore.newKey()), repo, Outcome.FAILED,
                        "Fulcio certificate was not valid"),
                Arguments.of("bad SET", Recipe.good().mutate(b -> flip(entry(b).getAsJsonObject("inclusionPromise"),
                        "signedEntryTimestamp")), repo, Outcome.FAILED, "could not be verified"),
                Arguments.of("bad inclusion proof", Recipe.good().mutate(b -> flip(entry(b)
                        .getAsJsonObject("inclusionProof"), "rootHash")), repo, Outcome.FAILED,
                        "could not be verified"),
                Arguments.of("tampered signature", Recipe.good().mutate(b -> flip(
                        b.getAsJsonObject("messageSignature"), "signature")), repo, Outcome.FAILED, ""));
    }

    @ParameterizedTest(name = "message signature, {0}")
    @MethodSource("messageSignatures")
    void messageSignature(String name, Recipe recipe, IdentityPolicy policy, Outcome outcome, String reason)
            throws Exception {
        JsonObject bundle = messageBundle(recipe);
        recipe.mutation().accept(bundle);
        VerificationResult r = verifier.verify(ArtifactDigest.of(HashAlgorithm.SHA256, ARTIFACT), parse(bundle),
                policy);
        assertEquals(outcome, r.outcome(), r.reason());
        assertTrue(r.reason().contains(reason), r.reason());
    }

    static Stream<Arguments> envelopes() {
        IdentityPolicy repo = IdentityPolicy.githubRepository("acme/widget");
        return Stream.of(
                Arguments.of("good, sha256 subject (KeylessVerifier)", Recipe.good(), HashAlgorithm.SHA256, repo,
                        Outcome.VERIFIED, ""),
                Arguments.of("good, sha512 subject (hand-assembled path)", Recipe.good(), HashAlgorithm.SHA512, repo,
                        Outcome.VERIFIED, ""),
                Arguments.of("wrong identity", Recipe.good(), HashAlgorithm.SHA512,
                        IdentityPolicy.githubRepository("acme/gadget"), Outcome.MISMATCH, "identity mismatch"),
                Arguments.of("other subject", Recipe.good().artifact("other\n".getBytes(StandardCharsets.UTF_8)),
                        HashAlgorithm.SHA512, repo, Outcome.FAILED, "no in-toto subject"),
                Arguments.of("tampered envelope", Recipe.good().mutate(b -> flip(b.getAsJsonObject("dsseEnvelope"),
                        "payload")), HashAlgorithm.SHA512, repo, Outcome.FAILED, "DSSE signature was not valid"),
                Arguments.of("bad SET", Recipe.good().mutate(b -> flip(entry(b).getAsJsonObject("inclusionPromise"),
                        "signedEntryTimestamp")), HashAlgorithm.SHA512, repo, Outcome.FAILED, "could not be verified"),
                Arguments.of("bad inclusion proof", Recipe.good().mutate(b -> flip(entry(b)
                        .getAsJsonObject("inclusionProof"), "rootHash")), HashAlgorithm.SHA512, repo, Outcome.FAILED,
                        "could not be verified"),
                Arguments.of("no proof in v0.3", Recipe.good().mutate(b -> entry(b).remove("inclusionProof")),
                        HashAlgorithm.SHA512, repo, Outcome.FAILED, "no inclusion proof"),
                Arguments.of("certificate expired at signing", Recipe.good().integrated(
                        TestSigstore.EPOCH.plus(Duration.ofMinutes(11))), HashAlgorithm.SHA512, repo, Outcome.FAILED,
                        "outside the certificate's validity"),
                Arguments.of("unknown CA", Recipe.good().issuer(TestSigstore.newKey()), HashAlgorithm.SHA512, repo,
                        Outcome.FAILED, "Fulcio certificate was not valid"));
    }

    @ParameterizedTest(name = "DSSE, {0}")
    @MethodSource("envelopes")
    void dsseEnvelope(String name, Recipe recipe, HashAlgorithm subjectAlgorithm, IdentityPolicy policy,
                      Outcome outcome, String reason) throws Exception {
        JsonObject bundle = dsseBundle(recipe, subjectAlgorithm);
        recipe.mutation().accept(bundle);
        VerificationResult r = verifier.verify(ArtifactDigest.of(subjectAlgorithm, ARTIFACT), parse(bundle), policy);
        assertEquals(outcome, r.outcome(), r.reason());
        assertTrue(r.reason().contains(reason), r.reason());
    }

    private static JsonObject messageBundle(Recipe recipe) throws Exception {
        KeyPair signer = TestSigstore.newKey();
        X509Certificate leaf = leaf(recipe, signer);
        byte[] digest = TestSigstore.sha256(recipe.artifact());
        byte[] signature = TestSigstore.sign(signer.getPrivate(), recipe.artifact());
        String body = "{\"apiVersion\":\"0.0.1\",\"kind\":\"hashedrekord\",\"spec\":{\"data\":{\"hash\":{\"algorithm\":"
                + "\"sha256\",\"value\":\"" + HexFormat.of().formatHex(digest) + "\"}},\"signature\":{\"content\":\""
                + b64(signature) + "\",\"publicKey\":{\"content\":\""
                + b64(TestSigstore.pem(leaf).getBytes(StandardCharsets.UTF_8)) + "\"}}}}";
        JsonObject ms = obj("messageDigest", obj("algorithm", "SHA2_256", "digest", b64(digest)),
                "signature", b64(signature));
        JsonObject bundle = shell(leaf, sigstore.tlogEntry("hashedrekord", "0.0.1",
                body.getBytes(StandardCharsets.UTF_8), recipe.integrated()));
        bundle.add("messageSignature", ms);
        return bundle;
    }

    private static JsonObject dsseBundle(Recipe recipe, HashAlgorithm algorithm) throws Exception {
        KeyPair signer = TestSigstore.newKey();
        X509Certificate leaf = leaf(recipe, signer);
        String statement = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"artifact\","
                + "\"digest\":{\"" + algorithm.name().toLowerCase(java.util.Locale.ROOT) + "\":\""
                + ArtifactDigest.of(algorithm, recipe.artifact()).hex() + "\"}}],\"predicateType\":"
                + "\"https://slsa.dev/provenance/v1\",\"predicate\":{}}";
        byte[] payload = statement.getBytes(StandardCharsets.UTF_8);
        byte[] signature = TestSigstore.sign(signer.getPrivate(),
                DsseBundleVerifier.pae(DsseBundleVerifier.IN_TOTO, payload));
        String body = "{\"apiVersion\":\"0.0.1\",\"kind\":\"dsse\",\"spec\":{\"payloadHash\":{\"algorithm\":\"sha256\","
                + "\"value\":\"" + HexFormat.of().formatHex(TestSigstore.sha256(payload)) + "\"},\"signatures\":[{"
                + "\"signature\":\"" + b64(signature) + "\",\"verifier\":\""
                + b64(TestSigstore.pem(leaf).getBytes(StandardCharsets.UTF_8)) + "\"}]}}";
        JsonObject envelope = obj("payload", b64(payload), "payloadType", DsseBundleVerifier.IN_TOTO,
                "signatures", arr(obj("sig", b64(signature), "keyid", "")));
        JsonObject bundle = shell(leaf, sigstore.tlogEntry("dsse", "0.0.1",
                body.getBytes(StandardCharsets.UTF_8), recipe.integrated()));
        bundle.add("dsseEnvelope", envelope);
        return bundle;
    }

    private static X509Certificate leaf(Recipe recipe, KeyPair signer) throws Exception {
        return sigstore.leaf(signer, SAN, IdentityPolicy.GITHUB_ACTIONS, REPO, recipe.notBefore(),
                recipe.issuer() != null ? recipe.issuer() : sigstore.ca);
    }

    private static JsonObject shell(X509Certificate leaf, JsonObject tlogEntry) throws Exception {
        return obj("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json",
                "verificationMaterial", obj("certificate", obj("rawBytes", b64(leaf.getEncoded())),
                        "tlogEntries", arr(tlogEntry)));
    }

    private static AttestationBundle parse(JsonObject bundle) {
        return AttestationBundle.parse("hermetic", bundle.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject entry(JsonObject bundle) {
        return bundle.getAsJsonObject("verificationMaterial").getAsJsonArray("tlogEntries").get(0).getAsJsonObject();
    }

    private static void flip(JsonObject holder, String member) {
        byte[] b = java.util.Base64.getDecoder().decode(holder.get(member).getAsString());
        b[b.length / 2] ^= 0x01;
        holder.addProperty(member, b64(b));
    }
}
