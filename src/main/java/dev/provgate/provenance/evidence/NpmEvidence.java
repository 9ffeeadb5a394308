// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.ArtifactDigest;
import dev.provgate.provenance.AttestationBundle;
import dev.provgate.provenance.IdentityPolicy;
import dev.provgate.provenance.NpmAttestationVerifier;
import dev.provgate.provenance.NpmPackage;
import dev.provgate.provenance.NpmRegistrySignatureVerifier;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.RegistryDigests;
import dev.provgate.provenance.store.StoreFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * npm: the stored attestations (SLSA provenance, publish attestation) and registry signatures, checked against the
 * tarball sha512 the lockfile's {@code integrity} holds. The digest triangle: the lockfile's sha512, the registry's
 * ({@code registry-signatures.json}) and the attestation subject must agree.
 */
final class NpmEvidence {
    private final AttestationStore store;
    private final Supplier<NpmAttestationVerifier> attestations;
    private final Supplier<NpmRegistrySignatureVerifier> signatures;

    NpmEvidence(AttestationStore store, Supplier<NpmAttestationVerifier> attestations,
                Supplier<NpmRegistrySignatureVerifier> signatures) {
        this.store = store;
        this.attestations = attestations;
        this.signatures = signatures;
    }

    List<ProvenanceResult> check(Component c, Optional<IdentityPolicy> expected) {
        Optional<JsonNode> registry = store.npmRegistrySignatures(c.name(), c.version()).map(b -> json(c, b));
        // the registry's digests: dist.integrity and dist.shasum as fetched, else the integrity the signatures sign
        Optional<RegistryDigests> served = store.registryDigests(c).or(() -> registry.map(r -> new RegistryDigests(
                RegistryDigests.ofSri(r.path("integrity").asText(""), ""), "npm dist.integrity", "")));
        Optional<String> lockfileHex = c.hashes().stream().filter(h -> h.algorithm() == HashAlgorithm.SHA512)
                .map(Hash::hex).findFirst();
        Optional<String> registryHex = served.flatMap(d -> d.digests().stream()
                .filter(h -> h.algorithm() == HashAlgorithm.SHA512).map(Hash::hex).findFirst());
        List<ProvenanceResult> out = new ArrayList<>();
        served.flatMap(d -> RegistryDigestCheck.compare(c, d)).ifPresent(out::add);
        Optional<String> hex = lockfileHex.or(() -> registryHex);
        if (hex.isEmpty()) {
            out.add(ProvenanceResult.unverified(Mechanisms.NPM_PROVENANCE, "no sha512 for " + c.coordinates()
                    + " in the lockfile or the store: attestations cannot be tied to the tarball"));
            return out;
        }
        ArtifactDigest sha512 = ArtifactDigest.ofHex(HashAlgorithm.SHA512, hex.get());
        String digestNote = lockfileHex.isPresent() ? "" : "digest from the registry: the lockfile has no integrity";
        NpmPackage pkg = new NpmPackage(c.name(), c.version());
        out.addAll(attestations(c, pkg, sha512, expected, digestNote));
        out.addAll(registrySignatures(c, pkg, sha512, registry));
        return out;
    }

    private List<ProvenanceResult> attestations(Component c, NpmPackage pkg, ArtifactDigest sha512,
                                                Optional<IdentityPolicy> expected, String digestNote) {
        Optional<byte[]> response = store.npmAttestations(c.name(), c.version());
        if (response.isEmpty()) {
            return List.of(Mechanisms.missing(store, c, Mechanisms.NPM_PROVENANCE,
                    AttestationStore.NPM_ATTESTATIONS, "npm attestation"));
        }
        String origin = store.layout().file(c.ecosystem(), c.name(), c.version(), AttestationStore.NPM_ATTESTATIONS)
                .toString();
        List<ProvenanceResult> out = new ArrayList<>();
        for (NpmAttestationVerifier.Attestation a : attestations.get().verifyAll(pkg, sha512,
                AttestationBundle.parse(origin, response.get()), expected.orElse(IdentityPolicy.anyIdentity()))) {
            ProvenanceResult r = a.result().toProvenanceResult(a.mechanism());
            if (r.outcome() == ProvenanceResult.Outcome.VERIFIED) {
                r = Mechanisms.withNote(r, identityNote(a.mechanism(), expected));
                r = digestNote.isEmpty() ? r : Mechanisms.withNote(r, digestNote);
            }
            out.add(r);
        }
        if (out.stream().noneMatch(r -> r.mechanism().equals(Mechanisms.NPM_PROVENANCE))) {
            out.add(ProvenanceResult.unverified(Mechanisms.NPM_PROVENANCE, "the registry has no build provenance "
                    + "for " + c.coordinates() + (out.isEmpty() ? "" : ", only a publish attestation")));
        }
        return out;
    }

    private static String identityNote(String mechanism, Optional<IdentityPolicy> expected) {
        if (mechanism.equals(Mechanisms.NPM_PUBLISH)) {
            return "signed with the npm registry's attestation key";
        }
        return expected.isPresent() ? "signer matches the policy's expected identity"
                : "no expected identity in the policy: checked that the certificate and the provenance name the "
                        + "same repository and workflow";
    }

    private List<ProvenanceResult> registrySignatures(Component c, NpmPackage pkg, ArtifactDigest sha512,
                                                      Optional<JsonNode> registry) {
        Instant publishedAt = store.publishedAt(c).orElse(null);
        if (registry.isEmpty()) {
            ProvenanceResult missing = Mechanisms.missing(store, c, Mechanisms.NPM_REGISTRY_SIGNATURE,
                    AttestationStore.NPM_REGISTRY_SIGNATURES, "npm registry signature");
            boolean fetched = store.notPublished(c.ecosystem(), c.name(), c.version())
                    .contains(AttestationStore.NPM_REGISTRY_SIGNATURES);
            return List.of(fetched ? signatureAnomaly(missing, publishedAt) : missing);
        }
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512.value());
        List<ProvenanceResult> out = new ArrayList<>();
        for (JsonNode s : registry.get().path("signatures")) {
            out.add(signatures.get().verify(pkg, integrity, s.path("keyid").asText(""), s.path("sig").asText(""),
                    publishedAt).toProvenanceResult(Mechanisms.NPM_REGISTRY_SIGNATURE));
        }
        if (out.isEmpty()) {
            out.add(ProvenanceResult.unverified(Mechanisms.NPM_REGISTRY_SIGNATURE,
                    "the stored registry signatures of " + c.coordinates() + " list none"));
        }
        return out;
    }

    /** A signature the registry's keys say should exist is missing: reported as the anomaly it is. */
    private ProvenanceResult signatureAnomaly(ProvenanceResult missing, Instant publishedAt) {
        return signatures.get().signingKeyAt(publishedAt)
                .map(key -> ProvenanceResult.unverified(missing.mechanism(), "anomaly: " + missing.reason()
                        + ", although the registry signs every package published " + (publishedAt == null ? "now"
                        : "at " + publishedAt) + " (key " + key + "): a mirror that strips signatures?"))
                .orElse(missing);
    }

    private JsonNode json(Component c, byte[] bytes) {
        String origin = store.layout().file(c.ecosystem(), c.name(), c.version(),
                AttestationStore.NPM_REGISTRY_SIGNATURES).toString();
        try {
            return StoreFiles.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new ProvgateException(origin, 0, "not JSON: " + e.getMessage());
        }
    }
}
