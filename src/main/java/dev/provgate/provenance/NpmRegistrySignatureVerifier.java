// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Base64;

/**
 * npm registry signatures ({@code dist.signatures}): ECDSA P-256 / SHA-256 over {@code name@version:integrity} with
 * an {@code npm:signatures} key. An expired key is accepted only for a version published inside its window.
 */
public final class NpmRegistrySignatureVerifier {
    private final NpmRegistryKeys keys;
    private final Clock clock;

    public NpmRegistrySignatureVerifier(NpmRegistryKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The registry key that says every version published at {@code publishedAt} (now, when unknown) is signed: the
     * registry signs every package with its {@code npm:signatures} key, so a version without a signature then is an
     * anomaly (usually a mirror that strips {@code dist.signatures}).
     */
    public Optional<String> signingKeyAt(Instant publishedAt) {
        Instant at = publishedAt != null ? publishedAt : clock.instant();
        return keys.all().stream().filter(k -> k.usage().equals(NpmRegistryKeys.SIGNATURES) && k.validAt(at))
                .map(NpmRegistryKeys.Key::keyId).findFirst();
    }

    /**
     * @param integrity   the {@code sha512-...} integrity string, as the lockfile and packument write it
     * @param keyId       the signature's {@code keyid}
     * @param signature   the signature's {@code sig} (base64 DER)
     * @param publishedAt when the version was published (packument {@code time}), or null when unknown
     */
    public VerificationResult verify(NpmPackage pkg, String integrity, String keyId, String signature,
                                     Instant publishedAt) {
        byte[] message = pkg.signedMessage(integrity).getBytes(StandardCharsets.UTF_8);
        String digest = ArtifactDigest.of(HashAlgorithm.SHA256, signature.getBytes(StandardCharsets.UTF_8)).hex();
        VerificationResult evidence = new VerificationResult(Outcome.VERIFIED, "",
                new SignerIdentity("", "", "", "", "", keyId), -1, publishedAt, digest);
        NpmRegistryKeys.Key key = keys.find(keyId, NpmRegistryKeys.SIGNATURES).orElse(null);
        if (key == null) {
            return evidence.withFailure(Outcome.UNVERIFIED, "unknown signer: no npm registry key '" + keyId + "'");
        }
        Instant at = publishedAt != null ? publishedAt : clock.instant();
        if (!key.validAt(at)) {
            return evidence.withFailure(publishedAt != null ? Outcome.FAILED : Outcome.UNVERIFIED,
                    "npm registry key " + keyId + " is not valid at " + at
                            + (publishedAt != null ? " (publish time)" : " and the publish time is unknown"));
        }
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key.publicKey());
            ecdsa.update(message);
            if (!ecdsa.verify(Base64.getDecoder().decode(signature))) {
                return evidence.withFailure(Outcome.FAILED, "registry signature is not valid for "
                        + pkg.signedMessage(integrity));
            }
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return evidence.withFailure(Outcome.FAILED, "registry signature is unreadable: " + e.getMessage());
        }
        return evidence;
    }
}
