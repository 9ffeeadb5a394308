// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * PEP 740 attestations: each is rewritten into a Sigstore bundle v0.3 (what pypi-attestations' {@code to_bundle}
 * does) and verified against the distribution's sha256; the statement must have exactly one subject, named as the
 * distribution file, with that digest.
 */
public final class PypiAttestationVerifier {
    static final String SLSA_V1 = "https://slsa.dev/provenance/v1";
    // PyPI's publish predicate lives on PyPI's own docs host, which the project does not write out: matched by path
    static final String PUBLISH_PATH = "/attestations/publish/v1";

    private final SigstoreVerifier verifier;

    public PypiAttestationVerifier(SigstoreVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** One PEP 740 attestation object for the distribution file {@code filename}. */
    public VerificationResult verify(String filename, ArtifactDigest sha256, AttestationBundle attestation,
                                     IdentityPolicy policy) {
        return verify(filename, sha256, attestation.origin(), attestation.json(), policy);
    }

    /**
     * An Integrity API provenance object: every attestation must satisfy the caller's policy and the publisher the
     * object names (an unknown publisher kind is unsupported).
     */
    public List<VerificationResult> verifyProvenance(String filename, ArtifactDigest sha256,
                                                     AttestationBundle provenance, IdentityPolicy policy) {
        List<VerificationResult> out = new ArrayList<>();
        for (JsonElement b : JsonDocs.array(provenance.json(), "attestation_bundles")) {
            JsonObject group = b.isJsonObject() ? b.getAsJsonObject() : new JsonObject();
            TrustedPublisher publisher = TrustedPublisher.fromJson(JsonDocs.object(group, "publisher"));
            int i = 0;
            for (JsonElement a : JsonDocs.array(group, "attestations")) {
                String origin = provenance.origin() + "#attestations[" + i++ + "]";
                JsonObject attestation = a.isJsonObject() ? a.getAsJsonObject() : new JsonObject();
                out.add(checkPublisher(verify(filename, sha256, origin, attestation, policy), publisher, group));
            }
        }
        return List.copyOf(out);
    }

    private static VerificationResult checkPublisher(VerificationResult r, TrustedPublisher publisher,
                                                     JsonObject group) {
        if (!r.verified()) {
            return r;
        }
        if (publisher == null) {
            return r.withFailure(Outcome.UNSUPPORTED, "unknown Trusted Publisher kind '"
                    + JsonDocs.string(JsonDocs.object(group, "publisher"), "kind") + "'");
        }
        return publisher.identityPolicy().mismatch(r.identity())
                .map(why -> r.withFailure(Outcome.FAILED, "certificate does not match the named publisher: " + why))
                .orElse(r);
    }

    private VerificationResult verify(String filename, ArtifactDigest sha256, String origin, JsonObject attestation,
                                      IdentityPolicy policy) {
        AttestationBundle bundle = AttestationBundle.of(origin, toBundle(attestation));
        if (sha256.algorithm() != HashAlgorithm.SHA256) {
            return VerificationResult.failed("PEP 740 attestations name the file's sha256", bundle.sha256());
        }
        VerificationResult r = verifier.verify(sha256, bundle, policy);
        if (!r.verified()) {
            return r;
        }
        String problem = statementProblem(filename, sha256, attestation);
        return problem.isEmpty() ? r : r.withFailure(Outcome.FAILED, problem);
    }

    /** Called after the DSSE signature over these statement bytes was verified. */
    private static String statementProblem(String filename, ArtifactDigest sha256, JsonObject attestation) {
        byte[] payload;
        InTotoStatement statement;
        try {
            payload = Base64.getDecoder().decode(JsonDocs.string(JsonDocs.object(attestation, "envelope"),
                    "statement"));
            statement = InTotoStatement.parse(payload);
        } catch (IllegalArgumentException | VerificationFailure e) {
            return "statement is unreadable: " + e.getMessage();
        }
        String type = statement.predicateType();
        if (!type.equals(SLSA_V1) && !(type.startsWith("https://") && type.endsWith(PUBLISH_PATH))) {
            return "unknown PEP 740 predicate type '" + statement.predicateType() + "'";
        }
        if (statement.subjects().size() != 1) {
            return "statement must have exactly one subject, has " + statement.subjects().size();
        }
        InTotoStatement.Subject subject = statement.subjects().get(0);
        if (!subject.name().equals(filename)) {
            return "subject is '" + subject.name() + "', not the distribution file '" + filename + "'";
        }
        return subject.covers(sha256) ? "" : "subject digest differs from the locked sha256 " + sha256.hex();
    }

    /** The PEP 740 attestation as a Sigstore bundle v0.3 with a DSSE envelope. */
    static JsonObject toBundle(JsonObject attestation) {
        JsonObject material = JsonDocs.object(attestation, "verification_material");
        JsonObject envelope = JsonDocs.object(attestation, "envelope");
        JsonObject certificate = new JsonObject();
        certificate.addProperty("rawBytes", JsonDocs.string(material, "certificate"));
        JsonArray entries = new JsonArray();
        JsonArray given = JsonDocs.array(material, "transparency_entries");
        if (!given.isEmpty()) {
            entries.add(given.get(0));
        }
        JsonObject vm = new JsonObject();
        vm.add("certificate", certificate);
        vm.add("tlogEntries", entries);
        JsonObject signature = new JsonObject();
        signature.addProperty("sig", JsonDocs.string(envelope, "signature"));
        signature.addProperty("keyid", "");
        JsonArray signatures = new JsonArray();
        signatures.add(signature);
        JsonObject dsse = new JsonObject();
        dsse.addProperty("payload", JsonDocs.string(envelope, "statement"));
        dsse.addProperty("payloadType", DsseBundleVerifier.IN_TOTO);
        dsse.add("signatures", signatures);
        JsonObject bundle = new JsonObject();
        bundle.addProperty("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json");
        bundle.add("verificationMaterial", vm);
        bundle.add("dsseEnvelope", dsse);
        return bundle;
    }

}
