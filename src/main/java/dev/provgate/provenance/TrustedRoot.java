// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.provgate.model.ProvgateException;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * A Sigstore trusted root (Fulcio CAs, Rekor and CT log keys, TSAs), checked before use: sigstore-java 2.0.0 accepts
 * keys without a validity start, which would make them valid for all time.
 */
public final class TrustedRoot {
    static final String BUNDLED = "/dev/provgate/provenance/trusted_root.json";
    private static final Set<String> MEDIA_TYPES = Set.of(
            "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
            "application/vnd.dev.sigstore.trustedroot.v0.1+json",
            "application/vnd.dev.sigstore.trustedroot.v0.2+json");

    private final String origin;
    private final SigstoreTrustedRoot root;

    private TrustedRoot(String origin, SigstoreTrustedRoot root) {
        this.origin = origin;
        this.root = root;
    }

    /** The public-good root shipped in the jar (see docs/provenance.md for how it is refreshed). */
    public static TrustedRoot bundled() {
        return parse("bundled trusted_root.json", JsonDocs.resource(BUNDLED));
    }

    /** A user's {@code --trusted-root FILE}; bad content is an input error naming the file. */
    public static TrustedRoot load(Path file) {
        return parse(file.toString(), JsonDocs.file(file, "trusted root"));
    }

    public static TrustedRoot parse(String origin, byte[] json) {
        JsonObject doc = JsonDocs.parseObject(origin, json);
        validate(origin, doc);
        try {
            return new TrustedRoot(origin, SigstoreTrustedRoot.from(new ByteArrayInputStream(json)));
        } catch (Exception e) {
            throw new ProvgateException(origin, 0, "not a usable trusted root: " + e.getMessage(), e);
        }
    }

    private static void validate(String origin, JsonObject doc) {
        String mediaType = JsonDocs.string(doc, "mediaType");
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new ProvgateException(origin, 0, "unknown trusted root media type '" + mediaType + "'");
        }
        requireStarts(origin, doc, "tlogs", true);
        requireStarts(origin, doc, "ctlogs", true);
        requireStarts(origin, doc, "certificateAuthorities", false);
        requireStarts(origin, doc, "timestampAuthorities", false);
    }

    private static void requireStarts(String origin, JsonObject doc, String section, boolean underPublicKey) {
        JsonArray entries = doc.has(section) && doc.get(section).isJsonArray()
                ? doc.getAsJsonArray(section) : new JsonArray();
        for (int i = 0; i < entries.size(); i++) {
            JsonElement e = entries.get(i);
            JsonObject holder = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
            if (underPublicKey) {
                holder = JsonDocs.object(holder, "publicKey");
            }
            if (JsonDocs.string(JsonDocs.object(holder, "validFor"), "start").isEmpty()) {
                throw new ProvgateException(origin, 0, section + "[" + i + "] has no validFor.start");
            }
        }
    }

    public String origin() {
        return origin;
    }

    SigstoreTrustedRoot sigstoreRoot() {
        return root;
    }
}
