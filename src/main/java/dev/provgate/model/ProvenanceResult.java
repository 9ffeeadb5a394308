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
 */
public record ProvenanceResult(String mechanism, Outcome outcome, String reason, SignerIdentity identity,
                               String bundleSha256, long logIndex, Instant signedAt) implements Evidence {
    public ProvenanceResult {
        reason = reason == null ? "" : reason;
        bundleSha256 = bundleSha256 == null ? "" : bundleSha256;
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
        /** Checked and bad: tampered, wrong identity, wrong digest. */
        FAILED,
        /** Present but in a format this version cannot check; never to be read as tampered. */
        UNSUPPORTED,
        /** Not checked: no attestation found, offline, no key. */
        UNVERIFIED
    }
}
