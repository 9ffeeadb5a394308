// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonObject;
import dev.provgate.model.SignerIdentity;

/** What a verified npm statement must say: this package and tarball, and a predicate that agrees with the signer. */
final class NpmStatementChecks {
    private NpmStatementChecks() {
    }

    /** The first problem found, or empty. */
    static String problem(NpmPackage pkg, ArtifactDigest sha512, String predicateType, InTotoStatement statement,
                          SignerIdentity signer) {
        if (!predicateType.equals(statement.predicateType())) {
            return "statement predicate type '" + statement.predicateType() + "' differs from the attestation's '"
                    + predicateType + "'";
        }
        boolean named = statement.subjects().stream().anyMatch(s -> s.name().equals(pkg.subjectName()));
        if (!named) {
            return "no subject named " + pkg.subjectName();
        }
        boolean covered = statement.subjects().stream()
                .anyMatch(s -> s.name().equals(pkg.subjectName()) && s.covers(sha512));
        if (!covered) {
            return "subject " + pkg.subjectName() + " does not have the tarball's sha512 " + sha512.hex();
        }
        return switch (predicateType) {
            case NpmAttestationVerifier.PUBLISH -> publishPredicate(pkg, statement.predicate());
            case NpmAttestationVerifier.SLSA_V1 -> slsaV1Workflow(statement.predicate(), signer);
            default -> "";
        };
    }

    private static String publishPredicate(NpmPackage pkg, JsonObject predicate) {
        if (!pkg.name().equals(JsonDocs.string(predicate, "name"))
                || !pkg.version().equals(JsonDocs.string(predicate, "version"))) {
            return "publish attestation names " + JsonDocs.string(predicate, "name") + "@"
                    + JsonDocs.string(predicate, "version");
        }
        String registry = JsonDocs.string(predicate, "registry");
        if (!pkg.registry().isEmpty() && !trim(pkg.registry()).equals(trim(registry))) {
            return "publish attestation names registry " + registry + ", expected " + pkg.registry();
        }
        return "";
    }

    /** The SLSA v1 predicate repeats the workflow; it must be the one the certificate names. */
    private static String slsaV1Workflow(JsonObject predicate, SignerIdentity signer) {
        JsonObject workflow = JsonDocs.object(JsonDocs.object(JsonDocs.object(predicate, "buildDefinition"),
                "externalParameters"), "workflow");
        String repository = JsonDocs.string(workflow, "repository");
        String buildConfig = repository + "/" + JsonDocs.string(workflow, "path") + "@"
                + JsonDocs.string(workflow, "ref");
        if (!signer.sourceRepository().isEmpty() && !repository.equals(signer.sourceRepository())) {
            return "provenance names repository " + repository + " but the certificate "
                    + signer.sourceRepository();
        }
        if (!signer.workflow().isEmpty() && !buildConfig.equals(signer.workflow())) {
            return "provenance names workflow " + buildConfig + " but the certificate " + signer.workflow();
        }
        return "";
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
