// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * sigstore-java's own sample bundles (../shared/sigstore/sigstore-java, README table), all over
 * {@code bundles/artifact.txt}, with the outcomes the README gives once the extra checks are in.
 */
class SigstoreJavaBundlesTest {
    private static final String PROD = "tuf-seeds/trusted_root.json";
    private static final String STAGING = "sigstore-java/trustroot/staging_trusted_root.json";

    static Stream<Arguments> bundles() {
        return Stream.of(
                Arguments.of("bundle.sigstore", PROD, Outcome.VERIFIED),
                Arguments.of("bundle.v1.sigstore", PROD, Outcome.VERIFIED),
                Arguments.of("bundle.v2.sigstore", PROD, Outcome.VERIFIED),
                Arguments.of("bundle.v3.sigstore", PROD, Outcome.VERIFIED),
                Arguments.of("bundle.v3_1.sigstore", PROD, Outcome.VERIFIED),
                Arguments.of("bundle-no-digest.sigstore", PROD, Outcome.VERIFIED),
                // message signatures need an inclusion proof in every bundle version (upstream's expectation)
                Arguments.of("bundle.v1.no.inclusion.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle.v2.no.inclusion.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle.v3.no.inclusion.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle.v3_1.no.inclusion.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle.dsse.sigstore", PROD, Outcome.VERIFIED),
                Arguments.of("bundle.dsse.bad-signature.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle.dsse.mismatched-envelope.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle.dsse.mismatched-signature.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle-with-bad-checkpoint-signature.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle-with-mismatched-set.sigstore", PROD, Outcome.FAILED),
                Arguments.of("bundle-with-wrong-tlog-entry.sigstore", PROD, Outcome.FAILED),
                // 2.0.0 alone verifies it; the signing-time check rejects it, as upstream does from v2.1.0
                Arguments.of("bundle-with-expired-cert.sigstore", PROD, Outcome.FAILED),
                Arguments.of("PKIX_ECDSA_P256_SHA_256.sigstore.json", PROD, Outcome.VERIFIED),
                Arguments.of("PKIX_RSA_PKCS1V15_2048_SHA256.sigstore.json", PROD, Outcome.VERIFIED),
                Arguments.of("PKIX_RSA_PKCS1V15_3072_SHA256.sigstore.json", PROD, Outcome.VERIFIED),
                Arguments.of("PKIX_RSA_PKCS1V15_4096_SHA256.sigstore.json", PROD, Outcome.VERIFIED),
                // SHA-384/512 message digests arrive upstream in v2.2.0
                Arguments.of("PKIX_ECDSA_P384_SHA_384.sigstore.json", PROD, Outcome.UNSUPPORTED),
                Arguments.of("PKIX_ECDSA_P521_SHA_512.sigstore.json", PROD, Outcome.UNSUPPORTED),
                Arguments.of("bundle-with-rekor-v2-entry.sigstore", STAGING, Outcome.VERIFIED),
                Arguments.of("bundle-with-timestamp.sigstore", STAGING, Outcome.VERIFIED),
                // a Rekor v2 dsse 0.0.2 entry: the encoding 2.0.0 reads (upstream has since moved on)
                Arguments.of("bundle.dsse.rekor-v2.bad-entry-type.sigstore", STAGING, Outcome.VERIFIED),
                // the newer hashedrekord-over-DSSE encoding: unsupported, never read as tampered
                Arguments.of("bundle.dsse.rekor-v2.sigstore", STAGING, Outcome.UNSUPPORTED),
                Arguments.of("bundle.dsse.rekor-v2.bad-signature.sigstore", STAGING, Outcome.UNSUPPORTED),
                Arguments.of("bundle.dsse.rekor-v2.mismatched-envelope.sigstore", STAGING, Outcome.UNSUPPORTED),
                Arguments.of("bundle.dsse.rekor-v2.mismatched-signature.sigstore", STAGING, Outcome.UNSUPPORTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void bundleHasTheReadmeOutcome(String bundle, String root, Outcome expected) throws IOException {
        VerificationResult r = SharedVectorsTest.verifier(root).verify(
                ArtifactDigest.ofFile(HashAlgorithm.SHA256, SharedVectorsTest.shared("sigstore-java/bundles/artifact.txt")),
                AttestationBundle.read(SharedVectorsTest.shared("sigstore-java/bundles/" + bundle)),
                IdentityPolicy.anyIdentity());
        assertEquals(expected, r.outcome(), r.reason());
    }
}
