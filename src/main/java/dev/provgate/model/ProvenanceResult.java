// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.time.Instant;

/**
 * The outcome of checking one attestation or signature of a component.
 *
 * @param mechanism     what was checked: {@code npm-provenance}, {@code npm-publish}, {@code npm-registry-signature},
 *                      {@code pypi-attestation}, {@code maven-sigstore}, {@code maven-pgp}
 * @param outcome       verified, failed, unsupported or unverified
 * @param reason        why, in one line (always set unless verified)
 * @param identity      who signed or built it, when known; null otherwise
 * @param bundleSha256  digest of the bundle or signature file that was checked, hex; empty when none
 * @param logIndex      transparency log index, or -1
 * @param signedAt      the log's integrated time or signature time; null when unknown
 * @param expectedBy    for {@link Outcome#MISMATCH}: whose expectation the signer does not meet; null otherwise
 */
public record ProvenanceResult(String mechanism, Outcome outcome, String reason, SignerIdentity identity,
                               String bundleSha256, long logIndex, Instant signedAt, ExpectedBy expectedBy)
        implements Evidence {
    public ProvenanceResult {
        reason = reason == null ? "" : reason;
        bundleSha256 = bundleSha256 == null ? "" : bundleSha256;
        if ((outcome == Outcome.MISMATCH) != (expectedBy != null)) {
            throw new IllegalArgumentException("a mismatch, and only a mismatch, names whose expectation it fails");
        }
    }

    public ProvenanceResult(String mechanism, Outcome outcome, String reason, SignerIdentity identity,
                            String bundleSha256, long logIndex, Instant signedAt) {
        this(mechanism, outcome, reason, identity, bundleSha256, logIndex, signedAt, null);
    }

    /** This verified result turned into a mismatch with {@code expectedBy}'s signer, for {@code why}. */
    public ProvenanceResult mismatch(ExpectedBy by, String why) {
        return new ProvenanceResult(mechanism, Outcome.MISMATCH, why, identity, bundleSha256, logIndex, signedAt, by);
    }

    /**
     * The signature checks out: verified, or verified from another repository than the package declares (the
     * declared repository is unsigned metadata; that difference is a finding of its own, not a missing signature).
     */
    public boolean signatureGood() {
        return outcome == Outcome.VERIFIED || (outcome == Outcome.MISMATCH && expectedBy == ExpectedBy.DECLARED);
    }

    /** Evidence of tampering: a cryptographic check failed (signature, digest, log proof, certificate, subject). */
    public boolean tampered() {
        return outcome == Outcome.FAILED;
    }

    @Override
    public String kind() {
        return "provenance";
    }

    public static ProvenanceResult unverified(String mechanism, String reason) {
        return new ProvenanceResult(mechanism, Outcome.UNVERIFIED, reason, null, "", -1, null);
    }

    public enum Outcome {
        /** Checked and good. */
        VERIFIED,
        /**
         * Checked and bad, cryptographically: a changed byte, a bad signature or log proof, an expired or untrusted
         * certificate, a digest or subject that is not this artifact. Evidence of tampering.
         */
        FAILED,
        /**
         * Cryptographically good, but signed or built by someone other than expected (the policy's identity, the
         * signer pinned before, the repository the package declares). Not tampering by itself: a renamed
         * repository looks the same.
         */
        MISMATCH,
        /** Present but in a format this version cannot check; never to be read as tampered. */
        UNSUPPORTED,
        /** Not checked: no attestation found, offline, no key. */
        UNVERIFIED
    }

    /** Whose expectation a {@link Outcome#MISMATCH} fails. */
    public enum ExpectedBy {
        /** trust-tiers.yaml {@code identities:} (or the policy's build requirements): blocks. */
        POLICY,
        /** the signer pinned in the store on first use (identities.json): blocks. */
        PINNED,
        /** the source repository the version declares in its registry metadata: a warning by default. */
        DECLARED
    }
}
