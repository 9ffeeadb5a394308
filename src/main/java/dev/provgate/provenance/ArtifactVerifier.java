// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Verifies one artifact file against one evidence file, whatever its kind: a Sigstore bundle, an npm attestations
 * response, a PEP 740 attestation or provenance object, or a detached OpenPGP signature. Backs {@code provgate
 * verify}; the per-ecosystem verifiers are the API for callers that already know the kind.
 */
public final class ArtifactVerifier {
    /**
     * @param artifact   the artifact file
     * @param evidence   the bundle, attestation or signature file
     * @param policy     who must have signed (Sigstore kinds)
     * @param npmPackage the package an npm attestations response is about, or null
     * @param keyrings   pinned OpenPGP keyrings (signatures)
     * @param key        a managed public key (PEM) that signed a Sigstore bundle instead of a certificate, or null
     */
    public record Request(Path artifact, Path evidence, IdentityPolicy policy, NpmPackage npmPackage,
                          List<Path> keyrings, Path key) {
        public Request {
            Objects.requireNonNull(artifact, "artifact");
            Objects.requireNonNull(evidence, "evidence");
            policy = policy == null ? IdentityPolicy.anyIdentity() : policy;
            keyrings = keyrings == null ? List.of() : List.copyOf(keyrings);
        }
    }

    private final SigstoreVerifier sigstore;
    private final NpmAttestationVerifier npm;

    public ArtifactVerifier(TrustedRoot root, NpmRegistryKeys npmKeys, Clock clock) {
        this.sigstore = SigstoreVerifier.builder().trustedRoot(root).clock(clock).build();
        this.npm = new NpmAttestationVerifier(root, npmKeys, clock);
    }

    public List<ProvenanceResult> verify(Request request) throws IOException {
        if (Files.size(request.evidence()) > AttestationBundle.MAX_BYTES) {
            throw new ProvgateException(request.evidence().toString(), 0,
                    "larger than " + AttestationBundle.MAX_BYTES + " bytes: not a bundle or signature");
        }
        byte[] evidence = Files.readAllBytes(request.evidence());
        if (isOpenPgp(evidence)) {
            return List.of(pgp(request, evidence));
        }
        AttestationBundle bundle = AttestationBundle.parse(request.evidence().toString(), evidence);
        JsonObject json = bundle.json();
        if (json.has("attestations")) {
            return npm(request, bundle);
        }
        ArtifactDigest sha256 = ArtifactDigest.ofFile(HashAlgorithm.SHA256, request.artifact());
        if (request.key() != null) {
            return List.of(sigstore.verify(sha256, bundle, PublicKeys.load(request.key()))
                    .toProvenanceResult("sigstore-bundle"));
        }
        requireIdentity(request.policy());
        String filename = request.artifact().getFileName().toString();
        PypiAttestationVerifier pypi = new PypiAttestationVerifier(sigstore);
        if (json.has("attestation_bundles")) {
            return pypi.verifyProvenance(filename, sha256, bundle, request.policy()).stream()
                    .map(r -> r.toProvenanceResult("pypi-attestation")).toList();
        }
        if (json.has("verification_material")) {
            return List.of(pypi.verify(filename, sha256, bundle, request.policy())
                    .toProvenanceResult("pypi-attestation"));
        }
        return List.of(sigstore.verify(sha256, bundle, request.policy()).toProvenanceResult("sigstore-bundle"));
    }

    private List<ProvenanceResult> npm(Request request, AttestationBundle response) throws IOException {
        if (request.npmPackage() == null) {
            throw new ProvgateException(request.evidence().toString(), 0,
                    "an npm attestations response needs --npm-package NAME@VERSION");
        }
        requireIdentity(request.policy());
        ArtifactDigest sha512 = ArtifactDigest.ofFile(HashAlgorithm.SHA512, request.artifact());
        return npm.verifyAll(request.npmPackage(), sha512, response, request.policy()).stream()
                .map(a -> a.result().toProvenanceResult(a.mechanism())).toList();
    }

    private static ProvenanceResult pgp(Request request, byte[] signature) throws IOException {
        if (request.keyrings().isEmpty()) {
            throw new ProvgateException(request.evidence().toString(), 0,
                    "an OpenPGP signature needs --pgp-keyring FILE with the signer's public key");
        }
        PgpSignatureVerifier verifier = new PgpSignatureVerifier(PgpKeyring.load(request.keyrings()));
        return verifier.verify(request.artifact(), signature).toProvenanceResult("pgp-signature");
    }

    private static void requireIdentity(IdentityPolicy policy) {
        if (policy.isEmpty()) {
            throw new ProvgateException("an expected signer is required: --certificate-identity with "
                    + "--certificate-oidc-issuer, --repository OWNER/REPO, or --key FILE");
        }
    }

    /** Armored ({@code -----BEGIN PGP}) or a binary packet (tag bit set in the first byte). */
    private static boolean isOpenPgp(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.US_ASCII);
        return head.startsWith("-----BEGIN PGP") || (bytes.length > 0 && (bytes[0] & 0x80) != 0);
    }
}
