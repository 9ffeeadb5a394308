// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.InputFiles;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Sigstore bundle as read from a file, an npm attestations response or a converted PEP 740 attestation. Parsed
 * once as JSON; anything that is not a JSON object is an input error naming its origin.
 */
public final class AttestationBundle {
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final String origin;
    private final String text;
    private final JsonObject json;
    private final String sha256;

    private AttestationBundle(String origin, String text, JsonObject json, String sha256) {
        this.origin = origin;
        this.text = text;
        this.json = json;
        this.sha256 = sha256;
    }

    public static AttestationBundle read(Path file) {
        try {
            return parse(file.toString(), InputFiles.read(file, file.toString(), MAX_BYTES));
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot read bundle: " + e.getMessage());
        }
    }

    public static AttestationBundle parse(String origin, byte[] bytes) {
        JsonObject json = JsonDocs.parseObject(origin, bytes);
        return new AttestationBundle(origin, new String(bytes, StandardCharsets.UTF_8), json,
                ArtifactDigest.of(HashAlgorithm.SHA256, bytes).hex());
    }

    /** A bundle embedded in a larger document (an npm attestations response); hashed as its compact JSON. */
    static AttestationBundle of(String origin, JsonObject json) {
        String text = json.toString();
        return new AttestationBundle(origin, text, json,
                ArtifactDigest.of(HashAlgorithm.SHA256, text.getBytes(StandardCharsets.UTF_8)).hex());
    }

    public String origin() {
        return origin;
    }

    /** Hex sha256 of the bundle bytes, for the evidence trail. */
    public String sha256() {
        return sha256;
    }

    String text() {
        return text;
    }

    JsonObject json() {
        return json; // read-only by convention inside this package
    }
}
