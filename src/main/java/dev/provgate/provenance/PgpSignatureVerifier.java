// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Detached OpenPGP signatures ({@code .asc} next to Maven Central artifacts) against pinned keys. A key that is not
 * pinned gives "unknown signer" (unverified), never "bad signature".
 */
public final class PgpSignatureVerifier {
    private final PgpKeyring keyring;

    public PgpSignatureVerifier(PgpKeyring keyring) {
        this.keyring = keyring;
    }

    public VerificationResult verify(Path artifact, byte[] signature) throws IOException {
        try (InputStream in = Files.newInputStream(artifact)) {
            return verify(in, signature);
        }
    }

    public VerificationResult verify(InputStream artifact, byte[] signature) throws IOException {
        String sigSha256 = ArtifactDigest.of(HashAlgorithm.SHA256, signature).hex();
        PGPSignature sig;
        try {
            sig = readSignature(signature);
        } catch (IOException | PGPException | RuntimeException e) {
            return VerificationResult.failed("not an OpenPGP signature: " + e.getMessage(), sigSha256);
        }
        Instant signedAt = sig.getCreationTime().toInstant();
        PGPPublicKey key = keyring.find(sig.getKeyID()).orElse(null);
        if (key == null) {
            String signer = issuerFingerprint(sig).orElse(keyIdHex(sig.getKeyID()));
            return new VerificationResult(Outcome.UNVERIFIED, "unknown signer: key " + signer
                    + " is not in the pinned keyrings", identity(signer), -1, signedAt, sigSha256);
        }
        VerificationResult evidence = new VerificationResult(Outcome.VERIFIED, "",
                identity(HexFormat.of().withUpperCase().formatHex(key.getFingerprint())), -1, signedAt, sigSha256);
        if (keyring.revoked(key)) {
            return evidence.withFailure(Outcome.FAILED, "signing key is revoked");
        }
        if (key.getValidSeconds() > 0
                && signedAt.isAfter(key.getCreationTime().toInstant().plusSeconds(key.getValidSeconds()))) {
            return evidence.withFailure(Outcome.FAILED, "signature made after the signing key expired");
        }
        try {
            sig.init(new JcaPGPContentVerifierBuilderProvider(), key);
            byte[] buffer = new byte[64 * 1024];
            for (int n = artifact.read(buffer); n >= 0; n = artifact.read(buffer)) {
                sig.update(buffer, 0, n);
            }
            return sig.verify() ? evidence : evidence.withFailure(Outcome.FAILED, "bad signature");
        } catch (PGPException e) {
            return evidence.withFailure(Outcome.FAILED, "signature could not be checked: " + e.getMessage());
        }
    }

    /** Who a signature says made it (full fingerprint when it names one, else the key id), without checking it. */
    public Optional<SignerIdentity> signer(byte[] signature) {
        try {
            PGPSignature sig = readSignature(signature);
            return Optional.of(identity(keyring.find(sig.getKeyID())
                    .map(k -> HexFormat.of().withUpperCase().formatHex(k.getFingerprint()))
                    .or(() -> issuerFingerprint(sig)).orElse(keyIdHex(sig.getKeyID()))));
        } catch (IOException | PGPException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static PGPSignature readSignature(byte[] signature) throws IOException, PGPException {
        Object o = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))).nextObject();
        if (o instanceof PGPCompressedData c) {
            o = new JcaPGPObjectFactory(c.getDataStream()).nextObject();
        }
        if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
            throw new PGPException("no signature packet");
        }
        return list.get(0);
    }

    /**
     * The full fingerprint the signature names in its Issuer Fingerprint subpacket (RFC 9580; GnuPG writes it), so an
     * unknown signer is shown, and can be pinned, by fingerprint rather than by a 64-bit key id.
     */
    static Optional<String> issuerFingerprint(PGPSignature sig) {
        for (var packets : java.util.Arrays.asList(sig.getHashedSubPackets(), sig.getUnhashedSubPackets())) {
            if (packets != null && packets.getIssuerFingerprint() != null
                    && packets.getIssuerFingerprint().getFingerprint().length == 20) {
                return Optional.of(HexFormat.of().withUpperCase().formatHex(
                        packets.getIssuerFingerprint().getFingerprint()));
            }
        }
        return Optional.empty();
    }

    private static SignerIdentity identity(String fingerprint) {
        return new SignerIdentity("", "", "", "", "", fingerprint);
    }

    private static String keyIdHex(long keyId) {
        return String.format(Locale.ROOT, "%016X", keyId);
    }
}
