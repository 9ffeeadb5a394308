// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.provenance.VerificationResult.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The old npm signing key (until 2025-01-29) only vouches for versions published in its window; with no publish
 * time its expiry leaves the signature unverified. Values: sigstore@1.0.0 from npm-cli/registry-signatures.json.
 */
class NpmRegistryKeyWindowTest {
    private static final String INTEGRITY =
            "sha512-e+qfbn/zf1+rCza/BhIA//Awmf0v1pa5HQS8Xk8iXrn9bgytytVLqYD0P7NSqZ6IELTgq+tcDvLPkQjNHyWLNg==";
    private static final String OLD_KEY = "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA";
    private static final String SIG =
            "MEQCIBlpcHT68iWOpx8pJr3WUzD1EqQ7tb0CmY36ebbceR6IAiAVGRaxrFoyh0/5B7H1o4VFhfsHw9F8G+AxOZQq87q+lg==";

    @ParameterizedTest(name = "published {0}, checked {1}")
    @CsvSource({
            "2023-02-09T17:56:00Z, 2026-11-25T00:00:00Z, VERIFIED",
            "2025-03-01T00:00:00Z, 2026-11-25T00:00:00Z, FAILED",
            ",                     2026-11-25T00:00:00Z, UNVERIFIED",
            ",                     2024-06-01T00:00:00Z, VERIFIED",
    })
    void keyWindow(String published, String now, Outcome outcome) {
        NpmRegistrySignatureVerifier verifier = new NpmRegistrySignatureVerifier(NpmRegistryKeys.bundled(),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        VerificationResult r = verifier.verify(new NpmPackage("sigstore", "1.0.0"), INTEGRITY, OLD_KEY, SIG,
                published == null ? null : Instant.parse(published));
        assertEquals(outcome, r.outcome(), r.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SHA256:unknown, UNVERIFIED", "'" + OLD_KEY + "', FAILED"})
    void otherPackageOrKey(String keyId, Outcome outcome) {
        NpmRegistrySignatureVerifier verifier = new NpmRegistrySignatureVerifier(NpmRegistryKeys.bundled(),
                Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));
        VerificationResult r = verifier.verify(new NpmPackage("sigstore", "1.0.1"), INTEGRITY, keyId, SIG, null);
        assertEquals(outcome, r.outcome(), r.reason());
    }
}
