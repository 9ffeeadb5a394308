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

    MavenEvidence(AttestationStore store, Supplier<SigstoreVerifier> sigstore, Supplier<PgpSignatureVerifier> pgp,
                  Path localRepository) {
        this.store = store;
        this.sigstore = sigstore;
        this.pgp = pgp;
        this.localRepository = localRepository;
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
                .map(asc -> pgpResult(file, hex, asc, local))
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

    private ProvenanceResult pgpResult(String file, Optional<String> hex, Path asc, Path local) {
        if (!Files.isRegularFile(local)) {
            return ProvenanceResult.unverified(Mechanisms.MAVEN_PGP, "artifact not in the local repository: "
                    + local + " (the PGP signature covers its bytes)");
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
