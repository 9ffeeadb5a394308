// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import java.util.function.Supplier;
import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.provenance.ArtifactDigest;
import dev.provgate.provenance.AttestationBundle;
import dev.provgate.provenance.IdentityPolicy;
import dev.provgate.provenance.PypiAttestationVerifier;
import dev.provgate.provenance.VerificationResult;
import dev.provgate.provenance.store.AttestationStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * PyPI: one Integrity API provenance object per locked distribution file, verified against the sha256 the lockfile
 * locks for that file name (the attestation's subject must be that name and digest). Every attestation must also
 * match the Trusted Publisher the provenance object names.
 */
final class PypiEvidence {
    private final AttestationStore store;
    private final Supplier<PypiAttestationVerifier> verifier;

    PypiEvidence(AttestationStore store, Supplier<PypiAttestationVerifier> verifier) {
        this.store = store;
        this.verifier = verifier;
    }

    List<ProvenanceResult> check(Component c, Optional<IdentityPolicy> expected) {
        Map<String, Path> provenance = new TreeMap<>();
        store.pypiProvenance(c.name(), c.version())
                .forEach(p -> provenance.put(AttestationStore.distributionOf(p), p));
        Map<String, String> locked = new TreeMap<>();
        List<String> unnamed = new ArrayList<>();
        for (Hash h : c.hashes()) {
            if (h.algorithm() == HashAlgorithm.SHA256) {
                if (h.fileName().isEmpty()) {
                    unnamed.add(h.hex());
                } else {
                    locked.put(h.fileName(), h.hex());
                }
            }
        }
        List<ProvenanceResult> out = new ArrayList<>();
        locked.forEach((file, hex) -> out.addAll(lockedFile(c, file, List.of(hex), provenance.get(file), expected)));
        if (!unnamed.isEmpty()) {
            // requirements files lock digests without file names: a stored object counts when one of them matches
            provenance.forEach((file, p) -> {
                if (!locked.containsKey(file)) {
                    out.addAll(lockedFile(c, file, unnamed, p, expected));
                }
            });
        }
        if (out.isEmpty()) {
            out.add(ProvenanceResult.unverified(Mechanisms.PYPI_ATTESTATION, unnamed.isEmpty()
                    ? "the lockfile locks no sha256 for " + c.coordinates() + ": attestations cannot be tied to "
                            + "its files (lock with hashes)"
                    : "no provenance stored for a file of " + c.coordinates() + " (run provgate attestations fetch)"));
        }
        return out;
    }

    private List<ProvenanceResult> lockedFile(Component c, String file, List<String> candidates, Path provenance,
                                              Optional<IdentityPolicy> expected) {
        if (provenance == null) {
            return List.of(Mechanisms.missing(store, c, Mechanisms.PYPI_ATTESTATION,
                    file + AttestationStore.PYPI_PROVENANCE_SUFFIX, "PEP 740 provenance of " + file));
        }
        AttestationBundle bundle = AttestationBundle.read(provenance);
        List<VerificationResult> results = List.of();
        for (String hex : candidates) {
            results = verifier.get().verifyProvenance(file, ArtifactDigest.ofHex(HashAlgorithm.SHA256, hex), bundle,
                    expected.orElse(IdentityPolicy.anyIdentity()));
            if (!results.isEmpty() && results.stream().allMatch(VerificationResult::verified)) {
                break;
            }
        }
        if (results.isEmpty()) {
            return List.of(ProvenanceResult.unverified(Mechanisms.PYPI_ATTESTATION, "the provenance of " + file
                    + " holds no attestation"));
        }
        String note = (expected.isPresent() ? "signer matches the policy's expected identity and "
                : "no expected identity in the policy: signer checked against ") + "the Trusted Publisher the "
                + "provenance names, for " + file;
        return results.stream().map(r -> r.toProvenanceResult(Mechanisms.PYPI_ATTESTATION))
                .map(r -> r.outcome() == ProvenanceResult.Outcome.VERIFIED ? Mechanisms.withNote(r, note) : r)
                .toList();
    }
}
