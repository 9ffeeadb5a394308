// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.SignerIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * What checking one bundle or signature gave, with the raw evidence for reports and the SBOM.
 *
 * @param outcome        verified, failed (tampered, wrong identity, wrong digest) or unsupported (a format this version
 *                       cannot check: never to be read as tampered)
 * @param reason         one line; empty when verified
 * @param identity       the signer as the certificate or key says, or null when it could not be read
 * @param logIndex       transparency log index, or -1
 * @param integratedTime the log's integrated time (or the signature time for PGP), or null
 * @param bundleSha256   hex sha256 of the bundle or signature bytes that were checked
 */
public record VerificationResult(Outcome outcome, String reason, SignerIdentity identity, long logIndex,
                                 Instant integratedTime, String bundleSha256) {
    public VerificationResult {
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        bundleSha256 = bundleSha256 == null ? "" : bundleSha256;
    }

    /** As {@link ProvenanceResult.Outcome}: MISMATCH is a good signature by someone other than the expected signer. */
    public enum Outcome { VERIFIED, FAILED, MISMATCH, UNSUPPORTED, UNVERIFIED }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    public static VerificationResult failed(String reason, String bundleSha256) {
        return new VerificationResult(Outcome.FAILED, reason, null, -1, null, bundleSha256);
    }

    public static VerificationResult unsupported(String reason, String bundleSha256) {
        return new VerificationResult(Outcome.UNSUPPORTED, reason, null, -1, null, bundleSha256);
    }

    /** The same result with a failure reason, keeping the evidence that was read before the failing check. */
    public VerificationResult withFailure(Outcome failure, String why) {
        return new VerificationResult(failure, why, identity, logIndex, integratedTime, bundleSha256);
    }

    /** The model's form of this result, for check, reports and the SBOM. */
    public ProvenanceResult toProvenanceResult(String mechanism) {
        // the verifiers' expected identity is the caller's: the policy's in check, the options' in verify
        return new ProvenanceResult(mechanism, ProvenanceResult.Outcome.valueOf(outcome.name()), reason, identity,
                bundleSha256, logIndex, integratedTime,
                outcome == Outcome.MISMATCH ? ProvenanceResult.ExpectedBy.POLICY : null);
    }
}
