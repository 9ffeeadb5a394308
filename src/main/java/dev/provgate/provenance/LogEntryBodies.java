// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.ProvgateException;
import dev.sigstore.rekor.client.RekorEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** Checks that a Rekor v1 entry body describes exactly this envelope or message signature, and this signer. */
final class LogEntryBodies {
    private LogEntryBodies() {
    }

    static void checkDsse(RekorEntry entry, BundleShape shape, byte[] payload, byte[] signature, byte[] signer)
            throws VerificationFailure {
        JsonObject spec = spec(entry, shape);
        switch (shape.entryKind()) {
            case "dsse:0.0.1" -> {
                JsonObject sig = firstSignature(JsonDocs.array(spec, "signatures"));
                expectPayloadHash(JsonDocs.object(spec, "payloadHash"), payload);
                expectSame(JsonDocs.string(sig, "signature"), signature, "signature");
                expectSigner(JsonDocs.string(sig, "verifier"), signer);
            }
            case "intoto:0.0.2" -> {
                JsonObject content = JsonDocs.object(spec, "content");
                JsonObject sig = firstSignature(JsonDocs.array(JsonDocs.object(content, "envelope"), "signatures"));
                expectPayloadHash(JsonDocs.object(content, "payloadHash"), payload);
                // intoto 0.0.2 stores the signature base64-encoded twice
                byte[] once = DsseBundleVerifier.base64(JsonDocs.string(sig, "sig"), "log entry signature");
                expectSame(new String(once, StandardCharsets.US_ASCII), signature, "signature");
                expectSigner(JsonDocs.string(sig, "publicKey"), signer);
            }
            default -> throw VerificationFailure.unsupported("transparency log entry type " + shape.entryKind()
                    + " is not supported for DSSE bundles");
        }
    }

    /** A {@code hashedrekord 0.0.1} body: the artifact digest, the signature and the key. */
    static void checkHashedRekord(RekorEntry entry, BundleShape shape, ArtifactDigest sha256, byte[] signature,
                                  byte[] signer) throws VerificationFailure {
        if (!"hashedrekord:0.0.1".equals(shape.entryKind())) {
            throw VerificationFailure.unsupported("transparency log entry type " + shape.entryKind()
                    + " is not supported for key-signed message signatures");
        }
        JsonObject spec = spec(entry, shape);
        JsonObject hash = JsonDocs.object(JsonDocs.object(spec, "data"), "hash");
        String value = JsonDocs.string(hash, "value");
        if (!"sha256".equals(JsonDocs.string(hash, "algorithm")) || !isHex(value)
                || !sha256.matches(HashAlgorithm.SHA256, HexFormat.of().parseHex(value))) {
            throw VerificationFailure.failed("artifact digest does not match the log entry");
        }
        JsonObject sig = JsonDocs.object(spec, "signature");
        expectSame(JsonDocs.string(sig, "content"), signature, "signature");
        expectSigner(JsonDocs.string(JsonDocs.object(sig, "publicKey"), "content"), signer);
    }

    private static JsonObject spec(RekorEntry entry, BundleShape shape) throws VerificationFailure {
        JsonObject body = decode(entry);
        String kind = JsonDocs.string(body, "kind") + ":" + JsonDocs.string(body, "apiVersion");
        if (!kind.equals(shape.entryKind())) {
            throw VerificationFailure.failed("log entry body is " + kind + " but the bundle says " + shape.entryKind());
        }
        return JsonDocs.object(body, "spec");
    }

    private static JsonObject decode(RekorEntry entry) throws VerificationFailure {
        try {
            return JsonDocs.parseObject("log entry body", Base64.getDecoder().decode(entry.getBody()));
        } catch (ProvgateException | IllegalArgumentException e) {
            throw VerificationFailure.failed("log entry body is unreadable");
        }
    }

    private static JsonObject firstSignature(JsonArray signatures) throws VerificationFailure {
        if (signatures.size() != 1 || !signatures.get(0).isJsonObject()) {
            throw VerificationFailure.failed("log entry must record exactly one signature");
        }
        return signatures.get(0).getAsJsonObject();
    }

    private static void expectPayloadHash(JsonObject hash, byte[] payload) throws VerificationFailure {
        byte[] want = ArtifactDigest.of(HashAlgorithm.SHA256, payload).value();
        String value = JsonDocs.string(hash, "value");
        if (!"sha256".equals(JsonDocs.string(hash, "algorithm")) || !isHex(value)
                || !MessageDigest.isEqual(want, HexFormat.of().parseHex(value))) {
            throw VerificationFailure.failed("digest of the DSSE payload does not match the log entry");
        }
    }

    private static void expectSame(String base64, byte[] signature, String what) throws VerificationFailure {
        byte[] logged = DsseBundleVerifier.base64(base64, "log entry " + what);
        if (!MessageDigest.isEqual(logged, signature)) {
            throw VerificationFailure.failed(what + " does not match the log entry");
        }
    }

    /** The logged verifier is base64 of a PEM certificate or key: compare its DER with the signer's. */
    private static void expectSigner(String base64Pem, byte[] signerDer) throws VerificationFailure {
        String pem = new String(DsseBundleVerifier.base64(base64Pem, "log entry verifier"), StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        if (!MessageDigest.isEqual(DsseBundleVerifier.base64(body, "log entry verifier"), signerDer)) {
            throw VerificationFailure.failed("signing certificate or key does not match the log entry");
        }
    }

    static boolean isHex(String s) {
        return !s.isEmpty() && s.length() % 2 == 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
