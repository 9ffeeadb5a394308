// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.rekor.client.ImmutableInclusionProof;
import dev.sigstore.rekor.client.ImmutableRekorEntry;
import dev.sigstore.rekor.client.ImmutableVerification;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.TransparencyLog;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Rekor v1 entries read straight from bundle JSON, for the cases sigstore-java's own bundle parser refuses (SET-only
 * v0.1 bundles, {@code intoto} entries, key-signed bundles). Bundles write ids and hashes in base64; sigstore-java's
 * {@link RekorEntry} wants them in hex.
 */
final class RekorEntries {
    private RekorEntries() {
    }

    static RekorEntry fromBundleEntry(JsonObject tlog) throws VerificationFailure {
        try {
            ImmutableVerification.Builder verification = ImmutableVerification.builder();
            String set = JsonDocs.string(JsonDocs.object(tlog, "inclusionPromise"), "signedEntryTimestamp");
            if (!set.isEmpty()) {
                verification.signedEntryTimestamp(set);
            }
            JsonObject proof = JsonDocs.object(tlog, "inclusionProof");
            if (JsonDocs.has(tlog, "inclusionProof")) {
                verification.inclusionProof(ImmutableInclusionProof.builder()
                        .logIndex(Long.parseLong(JsonDocs.string(proof, "logIndex")))
                        .treeSize(Long.parseLong(JsonDocs.string(proof, "treeSize")))
                        .rootHash(hex(JsonDocs.string(proof, "rootHash")))
                        .hashes(JsonDocs.array(proof, "hashes").asList().stream()
                                .map(JsonElement::getAsString).map(RekorEntries::hex).toList())
                        .checkpoint(JsonDocs.string(JsonDocs.object(proof, "checkpoint"), "envelope"))
                        .build());
            }
            return ImmutableRekorEntry.builder()
                    .body(JsonDocs.string(tlog, "canonicalizedBody"))
                    .logID(hex(JsonDocs.string(JsonDocs.object(tlog, "logId"), "keyId")))
                    .logIndex(Long.parseLong(JsonDocs.string(tlog, "logIndex")))
                    .integratedTime(Long.parseLong(JsonDocs.string(tlog, "integratedTime")))
                    .verification(verification.build())
                    .build();
        } catch (RuntimeException e) {
            throw VerificationFailure.failed("malformed transparency log entry: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the entry against the trusted logs: inclusion proof, checkpoint and SET when a proof is there; the SET
     * alone only when the bundle format allows it (v0.1).
     */
    static void verify(RekorEntry entry, boolean setOnlyAllowed, RekorVerifier rekor, List<TransparencyLog> tlogs)
            throws VerificationFailure {
        boolean hasProof = entry.getVerification().getInclusionProof() != null;
        if (hasProof) {
            try {
                rekor.verifyEntry(entry);
                return;
            } catch (Exception e) {
                throw VerificationFailure.failed("transparency log entry could not be verified: " + e.getMessage(), e);
            }
        }
        if (!setOnlyAllowed) {
            throw VerificationFailure.failed("transparency log entry has no inclusion proof (required after bundle v0.1)");
        }
        verifySetOnly(entry, tlogs);
    }

    private static void verifySetOnly(RekorEntry entry, List<TransparencyLog> tlogs) throws VerificationFailure {
        String set = entry.getVerification().getSignedEntryTimestamp();
        if (set == null || set.isEmpty()) {
            throw VerificationFailure.failed("transparency log entry has neither inclusion proof nor SET");
        }
        TransparencyLog log = TransparencyLog.find(tlogs, HexFormat.of().parseHex(entry.getLogID()),
                        entry.getIntegratedTimeInstant())
                .orElseThrow(() -> VerificationFailure.failed("no trusted transparency log with id "
                        + entry.getLogID() + " at " + entry.getIntegratedTimeInstant()));
        boolean good;
        try {
            good = Verifiers.newVerifier(log.getPublicKey().toJavaPublicKey())
                    .verify(entry.getSignableContent(), Base64.getDecoder().decode(set));
        } catch (Exception e) {
            throw VerificationFailure.failed("signed entry timestamp could not be checked: " + e.getMessage(), e);
        }
        if (!good) {
            throw VerificationFailure.failed("signed entry timestamp (SET) is not valid");
        }
    }

    private static String hex(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }
}
