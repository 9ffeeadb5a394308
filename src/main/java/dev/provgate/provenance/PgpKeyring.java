// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.InputFiles;
import dev.provgate.model.ProvgateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * The OpenPGP public keys a user pins ({@code --pgp-keyring}, armored or binary, several files). Keys without
 * self-signatures (Gradle verification keyrings strip them) are used as raw pinned keys.
 */
public final class PgpKeyring {
    /** Real keyrings are kilobytes; a whole distribution's keyring a few megabytes. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private final List<PGPPublicKeyRingCollection> collections;

    private PgpKeyring(List<PGPPublicKeyRingCollection> collections) {
        this.collections = List.copyOf(collections);
    }

    public static PgpKeyring load(List<Path> files) {
        List<PGPPublicKeyRingCollection> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.add(parse(f.toString(), InputFiles.read(f, f.toString(), MAX_BYTES)));
            } catch (IOException e) {
                throw new ProvgateException(f.toString(), 0, "cannot read keyring: " + e.getMessage());
            }
        }
        return new PgpKeyring(all);
    }

    private static PGPPublicKeyRingCollection parse(String origin, byte[] bytes) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
            PGPPublicKeyRingCollection keys = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            if (keys.size() == 0) {
                throw new ProvgateException(origin, 0, "no OpenPGP public keys in this file");
            }
            return keys;
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof ProvgateException pe) {
                throw pe;
            }
            throw new ProvgateException(origin, 0, "not an OpenPGP public keyring (armored or binary): "
                    + e.getMessage());
        }
    }

    /** The primary key or subkey with this 64-bit key id. */
    Optional<PGPPublicKey> find(long keyId) {
        for (PGPPublicKeyRingCollection c : collections) {
            PGPPublicKey k = c.getPublicKey(keyId);
            if (k != null) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Whether the key, or the primary key of its ring, carries a revocation. */
    boolean revoked(PGPPublicKey key) {
        for (PGPPublicKeyRingCollection c : collections) {
            for (Iterator<PGPPublicKeyRing> it = c.getKeyRings(); it.hasNext(); ) {
                PGPPublicKeyRing ring = it.next();
                if (ring.getPublicKey(key.getKeyID()) != null) {
                    return key.hasRevocation() || ring.getPublicKey().hasRevocation();
                }
            }
        }
        return key.hasRevocation();
    }
}
