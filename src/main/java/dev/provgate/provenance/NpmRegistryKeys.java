// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.provgate.model.ProvgateException;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The npm registry's signing keys ({@code keys.json} in sigstore form): {@code npm:signatures} keys sign
 * {@code dist.signatures}, {@code npm:attestations} keys sign publish attestations. Each has a validity window.
 */
public final class NpmRegistryKeys {
    static final String BUNDLED = "/dev/provgate/provenance/npm-registry-keys.json";
    static final String SIGNATURES = "npm:signatures";
    static final String ATTESTATIONS = "npm:attestations";

    /** One key for one use; {@code end} is null while the key is current. */
    record Key(String keyId, String usage, PublicKey publicKey, Instant start, Instant end) {
        boolean validAt(Instant t) {
            return !t.isBefore(start) && (end == null || !t.isAfter(end));
        }
    }

    private final List<Key> keys;

    private NpmRegistryKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    public static NpmRegistryKeys bundled() {
        return parse("bundled npm-registry-keys.json", JsonDocs.resource(BUNDLED));
    }

    /** A user's {@code --npm-keys FILE}; bad content is an input error naming the file. */
    public static NpmRegistryKeys load(Path file) {
        return parse(file.toString(), JsonDocs.file(file, "npm keys"));
    }

    public static NpmRegistryKeys parse(String origin, byte[] json) {
        JsonObject doc = JsonDocs.parseObject(origin, json);
        List<Key> keys = new ArrayList<>();
        int i = 0;
        for (JsonElement e : JsonDocs.array(doc, "keys")) {
            keys.add(key(origin, i++, e.isJsonObject() ? e.getAsJsonObject() : new JsonObject()));
        }
        if (keys.isEmpty()) {
            throw new ProvgateException(origin, 0, "no keys in 'keys'");
        }
        return new NpmRegistryKeys(keys);
    }

    private static Key key(String origin, int index, JsonObject k) {
        JsonObject pk = JsonDocs.object(k, "publicKey");
        JsonObject validFor = JsonDocs.object(pk, "validFor");
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(JsonDocs.string(pk, "rawBytes"))));
            String end = JsonDocs.string(validFor, "end");
            return new Key(JsonDocs.string(k, "keyId"), JsonDocs.string(k, "keyUsage"), publicKey,
                    Instant.parse(JsonDocs.string(validFor, "start")), end.isEmpty() ? null : Instant.parse(end));
        } catch (DateTimeParseException | IllegalArgumentException | java.security.GeneralSecurityException e) {
            throw new ProvgateException(origin, 0, "keys[" + index + "] is not a usable EC key with a validity "
                    + "start: " + e.getMessage());
        }
    }

    List<Key> all() {
        return keys;
    }

    Optional<Key> find(String keyId, String usage) {
        return keys.stream().filter(k -> k.keyId().equals(keyId) && k.usage().equals(usage)).findFirst();
    }

    /** Resolves a publish attestation's key hint; the key must have been valid when the entry was logged. */
    SigningKey.Resolver attestationKeys() {
        return (hint, at) -> {
            Key key = find(hint, ATTESTATIONS).orElseThrow(() -> VerificationFailure.unverified(
                    "unknown signer: no npm attestation key '" + hint + "'"));
            if (!key.validAt(at)) {
                throw VerificationFailure.failed("npm key " + hint + " was not valid at " + at);
            }
            return new SigningKey(key.keyId(), key.publicKey());
        };
    }
}
