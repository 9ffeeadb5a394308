// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.provgate.model.SignerIdentity;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The hand-assembled DSSE path for what sigstore-java 2.0.0's KeylessVerifier refuses: sha512 subjects, Rekor
 * {@code intoto} entries, SET-only v0.1 bundles and bundles signed by a plain key (npm's registry key). Built on
 * sigstore-java's public parts: Fulcio chain and SCT, Rekor proof/checkpoint/SET, signature verifiers.
 */
final class DsseBundleVerifier {
    static final String IN_TOTO = "application/vnd.in-toto+json";

    /** What a good envelope says, for the caller's subject and predicate checks. */
    record Envelope(InTotoStatement statement, SignerIdentity signer, long logIndex, Instant integratedTime) {
    }

    private final FulcioVerifier fulcio;
    private final RekorVerifier rekor;
    private final SigstoreTrustedRoot root;
    private final Clock clock;

    DsseBundleVerifier(SigstoreTrustedRoot root, Clock clock) throws Exception {
        this.fulcio = FulcioVerifier.newFulcioVerifier(root);
        this.rekor = RekorVerifier.newRekorVerifier(root);
        this.root = root;
        this.clock = clock;
    }

    Envelope verify(JsonObject bundle, SigningKey.Resolver keys) throws VerificationFailure {
        BundleShape shape = BundleShape.of(bundle);
        JsonObject dsse = JsonDocs.object(bundle, "dsseEnvelope");
        String payloadType = JsonDocs.string(dsse, "payloadType");
        if (!IN_TOTO.equals(payloadType)) {
            throw VerificationFailure.unsupported("DSSE payload type '" + payloadType + "' is not in-toto");
        }
        JsonArray signatures = JsonDocs.array(dsse, "signatures");
        if (signatures.size() != 1) {
            throw VerificationFailure.failed("DSSE envelope must have exactly one signature, has " + signatures.size());
        }
        byte[] payload = base64(JsonDocs.string(dsse, "payload"), "DSSE payload");
        byte[] signature = base64(JsonDocs.string(signatures.get(0).getAsJsonObject(), "sig"), "DSSE signature");
        JsonObject tlog = shape.tlogEntry();
        RekorEntry entry = RekorEntries.fromBundleEntry(tlog);
        Instant integrated = entry.getIntegratedTimeInstant();

        Signer signer = signer(bundle, keys, integrated);
        checkSignature(signer.key(), pae(payloadType, payload), signature);
        LogEntryBodies.checkDsse(entry, shape, payload, signature, signer.encoded());
        RekorEntries.verify(entry, shape.setOnlyAllowed(), rekor, root.getTLogs());
        SigningTime.check(integrated, signer.leaf(), clock);
        return new Envelope(InTotoStatement.parse(payload), signer.identity(), entry.getLogIndex(), integrated);
    }

    /** The verified signer: a Fulcio leaf (chain and SCT checked) or a plain key the resolver trusts. */
    private record Signer(PublicKey key, X509Certificate leaf, byte[] encoded, SignerIdentity identity) {
    }

    private Signer signer(JsonObject bundle, SigningKey.Resolver keys, Instant integrated)
            throws VerificationFailure {
        JsonObject material = JsonDocs.object(bundle, "verificationMaterial");
        if (JsonDocs.has(material, "publicKey")) {
            SigningKey key = keys.resolve(JsonDocs.string(JsonDocs.object(material, "publicKey"), "hint"), integrated);
            return new Signer(key.publicKey(), null, key.publicKey().getEncoded(),
                    new SignerIdentity("", "", "", "", "", key.keyId()));
        }
        CertPath path = certPath(material);
        try {
            fulcio.verifySigningCertificate(path);
        } catch (Exception e) {
            throw VerificationFailure.failed("Fulcio certificate was not valid: " + e.getMessage(), e);
        }
        X509Certificate leaf = Certificates.getLeaf(path);
        try {
            return new Signer(leaf.getPublicKey(), leaf, leaf.getEncoded(), CertificateClaims.of(leaf));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw VerificationFailure.failed("unreadable signing certificate", e);
        }
    }

    private static CertPath certPath(JsonObject material) throws VerificationFailure {
        List<byte[]> ders = new ArrayList<>();
        if (JsonDocs.has(material, "certificate")) {
            ders.add(base64(JsonDocs.string(JsonDocs.object(material, "certificate"), "rawBytes"), "certificate"));
        } else {
            for (var c : JsonDocs.array(JsonDocs.object(material, "x509CertificateChain"), "certificates")) {
                ders.add(base64(JsonDocs.string(c.getAsJsonObject(), "rawBytes"), "certificate"));
            }
        }
        if (ders.isEmpty()) {
            throw VerificationFailure.failed("bundle has no signing certificate or key");
        }
        try {
            return Certificates.fromDer(ders);
        } catch (Exception e) {
            throw VerificationFailure.failed("unreadable certificate chain: " + e.getMessage(), e);
        }
    }

    private static void checkSignature(PublicKey key, byte[] pae, byte[] signature) throws VerificationFailure {
        boolean good;
        try {
            good = Verifiers.newVerifier(key).verify(pae, signature);
        } catch (Exception e) {
            throw VerificationFailure.failed("DSSE signature could not be checked: " + e.getMessage(), e);
        }
        if (!good) {
            throw VerificationFailure.failed("DSSE signature was not valid");
        }
    }

    /** DSSE pre-authentication encoding; lengths in bytes. */
    static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    static byte[] base64(String value, String what) throws VerificationFailure {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.failed(what + " is not valid base64");
        }
    }
}
