// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * What kind of bundle this is, read from its JSON before any cryptography, to pick the verification path and to
 * tell formats this version cannot read ("unsupported") apart from bad bundles ("failed").
 *
 * @param version   bundle format version: 0.1, 0.2 or 0.3
 * @param dsse      a DSSE envelope rather than a message signature
 * @param publicKey signed by a plain key (with a hint) rather than a certificate
 * @param tlogEntry the first transparency log entry
 * @param entryKind the entry's {@code kind:version}, such as {@code hashedrekord:0.0.1}
 */
record BundleShape(String version, boolean dsse, boolean publicKey, JsonObject tlogEntry, String entryKind) {
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "application/vnd.dev.sigstore.bundle+json;version=0.1", "0.1",
            "application/vnd.dev.sigstore.bundle+json;version=0.2", "0.2",
            "application/vnd.dev.sigstore.bundle+json;version=0.3", "0.3",
            "application/vnd.dev.sigstore.bundle.v0.3+json", "0.3");

    static BundleShape of(JsonObject bundle) throws VerificationFailure {
        String mediaType = JsonDocs.string(bundle, "mediaType");
        String version = MEDIA_TYPES.get(mediaType);
        if (version == null) {
            throw VerificationFailure.unsupported("unknown bundle media type '" + mediaType + "'");
        }
        boolean dsse = JsonDocs.has(bundle, "dsseEnvelope");
        if (dsse == JsonDocs.has(bundle, "messageSignature")) {
            throw VerificationFailure.failed("bundle must hold exactly one of messageSignature and dsseEnvelope");
        }
        JsonObject material = JsonDocs.object(bundle, "verificationMaterial");
        JsonArray entries = JsonDocs.array(material, "tlogEntries");
        if (entries.isEmpty() || !entries.get(0).isJsonObject()) {
            throw VerificationFailure.failed("bundle has no transparency log entry");
        }
        JsonObject entry = entries.get(0).getAsJsonObject();
        JsonObject kv = JsonDocs.object(entry, "kindVersion");
        return new BundleShape(version, dsse, JsonDocs.has(material, "publicKey"), entry,
                JsonDocs.string(kv, "kind") + ":" + JsonDocs.string(kv, "version"));
    }

    /** Only bundle v0.1 may rely on a signed entry timestamp without an inclusion proof. */
    boolean setOnlyAllowed() {
        return "0.1".equals(version);
    }

    boolean hasInclusionProof() {
        return JsonDocs.has(tlogEntry, "inclusionProof");
    }

    /** Rekor v2 logs a DSSE envelope as hashedrekord 0.0.2 in encodings newer than sigstore-java 2.0.0. */
    boolean rekorV2DsseAsHashedRekord() {
        return dsse && "hashedrekord:0.0.2".equals(entryKind);
    }

    /** What KeylessVerifier 2.0.0 refuses but the hand-assembled DSSE path can check. */
    boolean needsHandPath() {
        return dsse && ("intoto:0.0.2".equals(entryKind) || publicKey
                || (setOnlyAllowed() && !hasInclusionProof()));
    }

    /** The message digest algorithm a message signature bundle names, when it is not SHA2_256 (it may name none). */
    static Optional<String> otherMessageDigest(JsonObject bundle) {
        String algorithm = JsonDocs.string(JsonDocs.object(JsonDocs.object(bundle, "messageSignature"),
                "messageDigest"), "algorithm");
        return algorithm.isEmpty() || "SHA2_256".equals(algorithm) ? Optional.empty() : Optional.of(algorithm);
    }
}
