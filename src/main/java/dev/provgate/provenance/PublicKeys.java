// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.ProvgateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/** Managed signing keys as {@code cosign} writes them: a PEM {@code PUBLIC KEY} (EC, RSA or Ed25519). */
public final class PublicKeys {
    private static final List<String> ALGORITHMS = List.of("EC", "RSA", "Ed25519");

    private PublicKeys() {
    }

    /** Reads {@code --key FILE}; anything but one PEM public key is an input error naming the file. */
    public static PublicKey load(Path file) {
        String pem = new String(JsonDocs.file(file, "public key"), StandardCharsets.US_ASCII);
        if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new ProvgateException(file.toString(), 0, "expected a PEM PUBLIC KEY block");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new ProvgateException(file.toString(), 0, "PEM body is not valid base64");
        }
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (java.security.GeneralSecurityException e) {
                // not this algorithm: try the next one
            }
        }
        throw new ProvgateException(file.toString(), 0, "not an EC, RSA or Ed25519 public key");
    }
}
