// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;

/**
 * Message signatures made with a managed key the caller trusts (no certificate), which KeylessVerifier 2.0.0
 * refuses: signature over the artifact digest, the {@code hashedrekord} entry, and the log's proof or SET.
 */
final class KeySignedMessageVerifier {
    private final RekorVerifier rekor;
    private final SigstoreTrustedRoot root;
    private final Clock clock;

    KeySignedMessageVerifier(SigstoreTrustedRoot root, Clock clock) {
        this.rekor = RekorVerifier.newRekorVerifier(root);
        this.root = root;
        this.clock = clock;
    }

    RekorEntry verify(JsonObject bundle, BundleShape shape, ArtifactDigest sha256, PublicKey key)
            throws VerificationFailure {
        if (sha256.algorithm() != HashAlgorithm.SHA256
                || BundleShape.otherMessageDigest(bundle).isPresent()) {
            throw VerificationFailure.unsupported("key-signed message signatures are checked over SHA2_256 only");
        }
        JsonObject message = JsonDocs.object(bundle, "messageSignature");
        String declared = JsonDocs.string(JsonDocs.object(message, "messageDigest"), "digest");
        if (!declared.isEmpty() && !sha256.matches(HashAlgorithm.SHA256, Base64.getDecoder().decode(declared))) {
            throw VerificationFailure.failed("artifact digest does not match the bundle's message digest");
        }
        byte[] signature = DsseBundleVerifier.base64(JsonDocs.string(message, "signature"), "signature");
        boolean good;
        try {
            good = Verifiers.newVerifier(key).verifyDigest(sha256.value(), signature);
        } catch (Exception e) {
            throw VerificationFailure.failed("signature could not be checked: " + e.getMessage(), e);
        }
        if (!good) {
            throw VerificationFailure.failed("artifact signature was not valid");
        }
        RekorEntry entry = RekorEntries.fromBundleEntry(shape.tlogEntry());
        LogEntryBodies.checkHashedRekord(entry, shape, sha256, signature, key.getEncoded());
        RekorEntries.verify(entry, shape.setOnlyAllowed(), rekor, root.getTLogs());
        SigningTime.notInFuture(entry.getIntegratedTimeInstant(), clock);
        return entry;
    }
}
