// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * npm attestations ({@code /-/npm/v1/attestations/name@version}): SLSA provenance signed with a Fulcio certificate and
 * the publish attestation signed with the registry's key. Both must name {@code pkg:npm/name@version} with the
 * tarball's sha512, the one the lockfile's {@code integrity} holds.
 */
public final class NpmAttestationVerifier {
    public static final String SLSA_V1 = "https://slsa.dev/provenance/v1";
    public static final String SLSA_V02 = "https://slsa.dev/provenance/v0.2";
    public static final String PUBLISH = "https://github.com/npm/attestation/tree/main/specs/publish/v0.1";

    /** One attestation's result; mechanism is {@code npm-provenance} or {@code npm-publish}. */
    public record Attestation(String mechanism, String predicateType, VerificationResult result) {
    }

    private final DsseBundleVerifier dsse;
    private final NpmRegistryKeys keys;

    public NpmAttestationVerifier(TrustedRoot root, NpmRegistryKeys keys, Clock clock) {
        try {
            this.dsse = new DsseBundleVerifier(root.sigstoreRoot(), clock);
        } catch (Exception e) {
            throw new IllegalStateException("trusted root " + root.origin() + " is unusable: " + e.getMessage(), e);
        }
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Verifies every attestation in an attestations response (the JSON object with {@code attestations}). */
    public List<Attestation> verifyAll(NpmPackage pkg, ArtifactDigest sha512, AttestationBundle response,
                                       IdentityPolicy policy) {
        List<Attestation> out = new ArrayList<>();
        int i = 0;
        for (JsonElement e : JsonDocs.array(response.json(), "attestations")) {
            JsonObject a = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
            String predicateType = JsonDocs.string(a, "predicateType");
            AttestationBundle bundle = AttestationBundle.of(response.origin() + "#attestations[" + i++ + "]",
                    JsonDocs.object(a, "bundle"));
            out.add(new Attestation(PUBLISH.equals(predicateType) ? "npm-publish" : "npm-provenance",
                    predicateType, verify(pkg, sha512, bundle, predicateType, policy)));
        }
        return List.copyOf(out);
    }

    /** Verifies one attestation bundle of the given predicate type for this package and tarball digest. */
    public VerificationResult verify(NpmPackage pkg, ArtifactDigest sha512, AttestationBundle bundle,
                                     String predicateType, IdentityPolicy policy) {
        if (sha512.algorithm() != HashAlgorithm.SHA512) {
            return VerificationResult.failed("npm attestations name the tarball's sha512, got "
                    + sha512.algorithm().cyclonedxName(), bundle.sha256());
        }
        boolean publish = PUBLISH.equals(predicateType);
        if (!publish && !SLSA_V1.equals(predicateType) && !SLSA_V02.equals(predicateType)) {
            return VerificationResult.unsupported("unknown npm attestation type '" + predicateType + "'",
                    bundle.sha256());
        }
        try {
            DsseBundleVerifier.Envelope env = dsse.verify(bundle.json(),
                    publish ? keys.attestationKeys() : SigningKey.Resolver.NONE);
            // the predicate says how it was built; the certificate's own claims fill what it leaves out
            SignerIdentity signer = publish ? env.signer() : env.signer().withBuild(SlsaPredicate.facts(predicateType,
                    env.statement().predicate()).or(env.signer().build()));
            VerificationResult evidence = new VerificationResult(Outcome.VERIFIED, "", signer, env.logIndex(),
                    env.integratedTime(), bundle.sha256());
            String problem = NpmStatementChecks.problem(pkg, sha512, predicateType, env.statement(), env.signer());
            if (!problem.isEmpty()) {
                return evidence.withFailure(Outcome.FAILED, problem);
            }
            return publish ? evidence : policy.mismatch(evidence.identity())
                    .map(why -> evidence.withFailure(Outcome.MISMATCH, "identity mismatch: " + why))
                    .orElse(evidence);
        } catch (VerificationFailure f) {
            return new VerificationResult(f.outcome(), f.getMessage(), null, -1, null, bundle.sha256());
        } catch (RuntimeException e) {
            return VerificationResult.failed("attestation could not be verified: " + e, bundle.sha256());
        }
    }
}
