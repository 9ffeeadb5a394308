// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import java.util.function.Supplier;
import dev.provgate.model.Component;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.ArtifactDigest;
import dev.provgate.provenance.AttestationBundle;
import dev.provgate.provenance.IdentityPolicy;
import dev.provgate.provenance.PgpKeysMap;
import dev.provgate.provenance.PgpSignatureVerifier;
import dev.provgate.provenance.SigstoreVerifier;

import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.MavenSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maven: per locked artifact file, the stored {@code .sigstore.json} bundle (a message signature over the file's
 * sha256, from the lockfile or, when it has none, the one stored at fetch time) and the {@code .asc} PGP signature,
 * which needs the artifact bytes: they are read from the local Maven repository when present.
 */
final class MavenEvidence {
    private final AttestationStore store;
    private final Supplier<SigstoreVerifier> sigstore;
    private final Supplier<PgpSignatureVerifier> pgp;
    private final Path localRepository;
    private final Supplier<PgpKeysMap> keysMap;

    MavenEvidence(AttestationStore store, Supplier<SigstoreVerifier> sigstore, Supplier<PgpSignatureVerifier> pgp,
                  Path localRepository, Supplier<PgpKeysMap> keysMap) {
        this.store = store;
        this.sigstore = sigstore;
        this.pgp = pgp;
        this.localRepository = localRepository;
        this.keysMap = keysMap;
    }

    List<ProvenanceResult> check(Component c, Optional<IdentityPolicy> expected) {
        int colon = c.name().indexOf(':');
        if (colon <= 0) {
            return List.of(ProvenanceResult.unverified(Mechanisms.MAVEN_SIGSTORE, "not a group:artifact name: "
                    + c.name()));
        }
        String group = c.name().substring(0, colon);
        String artifact = c.name().substring(colon + 1);
        List<ProvenanceResult> out = new ArrayList<>();
        for (String file : MavenSignatures.fileNames(c, artifact)) {
            Optional<MavenSignatures> stored = store.maven(group, artifact, c.version(), file);
            Path local = localRepository.resolve(group.replace('.', '/')).resolve(artifact).resolve(c.version())
                    .resolve(file);
            out.addAll(file(c, file, stored, local, expected));
        }
        return out;
    }

    private List<ProvenanceResult> file(Component c, String file, Optional<MavenSignatures> stored, Path local,
                                        Optional<IdentityPolicy> expected) {
        Optional<String> lockedHex = c.hashes().stream()
                .filter(h -> h.algorithm() == HashAlgorithm.SHA256
                        && (h.fileName().isEmpty() || h.fileName().equals(file)))
                .map(dev.provgate.model.Hash::hex).findFirst();
        Optional<String> storedHex = stored.flatMap(MavenSignatures::sha256);
        List<ProvenanceResult> out = new ArrayList<>();
        if (lockedHex.isPresent() && storedHex.isPresent() && !lockedHex.equals(storedHex)) {
            out.add(Mechanisms.digestMismatch("lockfile sha256 " + lockedHex.get() + ", repository sha256 "
                    + storedHex.get() + " for " + file));
        }
        Optional<String> hex = lockedHex.or(() -> storedHex);
        out.add(stored.flatMap(MavenSignatures::sigstoreBundle)
                .map(bundle -> sigstoreResult(file, hex, bundle, expected))
                .orElseGet(() -> Mechanisms.missing(store, c, Mechanisms.MAVEN_SIGSTORE,
                        file + AttestationStore.MAVEN_SIGSTORE_SUFFIX, "Sigstore bundle of " + file)));
        out.add(stored.flatMap(MavenSignatures::pgpSignature)
                .map(asc -> againstKeysMap(c, pgpResult(file, hex, asc, local)))
                .orElseGet(() -> Mechanisms.missing(store, c, Mechanisms.MAVEN_PGP,
                        file + AttestationStore.MAVEN_PGP_SUFFIX, "PGP signature of " + file)));
        return out;
    }

    private ProvenanceResult sigstoreResult(String file, Optional<String> hex, Path bundle,
                                            Optional<IdentityPolicy> expected) {
        if (hex.isEmpty()) {
            return ProvenanceResult.unverified(Mechanisms.MAVEN_SIGSTORE, "no sha256 of " + file + " in the "
                    + "lockfile or the store: the bundle cannot be tied to the artifact");
        }
        ProvenanceResult r = sigstore.get().verify(ArtifactDigest.ofHex(HashAlgorithm.SHA256, hex.get()),
                AttestationBundle.read(bundle), expected.orElse(IdentityPolicy.anyIdentity()))
                .toProvenanceResult(Mechanisms.MAVEN_SIGSTORE);
        if (r.outcome() != ProvenanceResult.Outcome.VERIFIED) {
            return r;
        }
        return Mechanisms.withNote(r, expected.isPresent() ? "signer matches the policy's expected identity"
                : "no expected identity in the policy: any Sigstore signer accepted, compared with the pinned one");
    }

    /**
     * The keys map names the keys allowed to sign the artifact: a signature by another key is a mismatch, even when
     * that key is not in any keyring (the signature names its issuer's fingerprint).
     */
    private ProvenanceResult againstKeysMap(Component c, ProvenanceResult r) {
        int colon = c.name().indexOf(':');
        Optional<PgpKeysMap.Entry> entry = keysMap.get().expected(c.name().substring(0, colon),
                c.name().substring(colon + 1), c.version());
        String signer = r.identity() == null ? "" : r.identity().keyFingerprint();
        if (entry.isEmpty() || signer.isEmpty() || r.tampered()) {
            return r;
        }
        List<String> allowed = entry.get().fingerprints();
        if (allowed.contains(signer)) {
            return r.outcome() == ProvenanceResult.Outcome.VERIFIED
                    ? Mechanisms.withNote(r, "key " + signer + " is the one the keys map names (" + entry.get().where()
                            + ")")
                    : Mechanisms.withNote(r, "the keys map names this key (" + entry.get().where() + "); add it to "
                            + "the store's keys/ folder to check the signature");
        }
        boolean keyIdOnly = signer.length() < 40;
        if (keyIdOnly && allowed.stream().anyMatch(f -> f.endsWith(signer))) {
            return r;
        }
        String why = "signed by key " + signer + ", but the keys map (" + entry.get().where() + ") allows only "
                + String.join(", ", allowed);
        return r.outcome() == ProvenanceResult.Outcome.UNVERIFIED || r.signatureGood()
                ? new ProvenanceResult(r.mechanism(), ProvenanceResult.Outcome.MISMATCH, why, r.identity(),
                        r.bundleSha256(), r.logIndex(), r.signedAt(), ProvenanceResult.ExpectedBy.POLICY)
                : r;
    }

    private ProvenanceResult pgpResult(String file, Optional<String> hex, Path asc, Path local) {
        if (!Files.isRegularFile(local)) {
            // the signature is there, only the bytes it covers are not: not a lapse, and its signer is still named
            try {
                byte[] signature = Files.readAllBytes(asc);
                return new ProvenanceResult(Mechanisms.MAVEN_PGP, ProvenanceResult.Outcome.UNVERIFIED,
                        "artifact not in the local repository: " + local + " (the PGP signature covers its bytes)",
                        pgp.get().signer(signature).orElse(null),
                        ArtifactDigest.of(HashAlgorithm.SHA256, signature).hex(), -1, null);
            } catch (IOException e) {
                throw new ProvgateException(asc.toString(), 0, "cannot read: " + e.getMessage(), e);
            }
        }
        try {
            if (hex.isPresent()) {
                String localHex = ArtifactDigest.ofFile(HashAlgorithm.SHA256, local).hex();
                if (!localHex.equals(hex.get())) {
                    return new ProvenanceResult(Mechanisms.MAVEN_PGP, ProvenanceResult.Outcome.FAILED,
                            "digest mismatch: " + local + " has sha256 " + localHex + ", expected "
                                    + hex.get(), null, "", -1, null);
                }
            }
            return pgp.get().verify(local, Files.readAllBytes(asc)).toProvenanceResult(Mechanisms.MAVEN_PGP);
        } catch (IOException e) {
            throw new ProvgateException(local.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
