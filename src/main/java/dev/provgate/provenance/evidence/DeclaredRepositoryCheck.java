// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.provenance.store.RepositoryUrls;
import java.util.Set;

/**
 * The expected signer when the policy names none: a verified build attestation (npm SLSA provenance, PyPI
 * attestation, a Maven {@code .sigstore.json} bundle signed by CI) must come from the repository the version
 * declares in its registry metadata (a Maven POM's {@code <scm>}). Compared on host, owner
 * and name, case-insensitively, without {@code .git}; a certificate older than the Source Repository URI extension
 * is read from its SAN (a GitHub workflow URI starts with the repository).
 */
final class DeclaredRepositoryCheck {
    static final Set<String> CHECKED = Set.of(Mechanisms.NPM_PROVENANCE, Mechanisms.PYPI_ATTESTATION,
            Mechanisms.MAVEN_SIGSTORE);
    static final String ORIGIN = "declared repository in the registry metadata";

    private DeclaredRepositoryCheck() {
    }

    static ProvenanceResult apply(ProvenanceResult r, DeclaredRepository declared) {
        if (r.outcome() != ProvenanceResult.Outcome.VERIFIED || !CHECKED.contains(r.mechanism())) {
            return r;
        }
        String builtFrom = builtFrom(r.identity());
        if (builtFrom.isEmpty() && r.mechanism().equals(Mechanisms.MAVEN_SIGSTORE)) {
            // Maven Central bundles are often signed by a maintainer's own identity rather than by CI.
            return Mechanisms.withNote(r, "signed by a person, not a build, so the " + ORIGIN + " ("
                    + declared.repository() + ", " + declared.source() + ") is not compared");
        }
        if (RepositoryUrls.same(builtFrom, declared.repository())) {
            return Mechanisms.withNote(r, "source repository " + declared.repository() + " matches the " + ORIGIN
                    + " (" + declared.source() + ")");
        }
        String shown = builtFrom.isEmpty() ? "no named repository" : builtFrom;
        String why = "built from " + shown + ", but the package declares " + declared.repository() + " (expected "
                + "signer from the " + ORIGIN + ", " + declared.source() + ")";
        return new ProvenanceResult(r.mechanism(), ProvenanceResult.Outcome.FAILED, why, r.identity(),
                r.bundleSha256(), r.logIndex(), r.signedAt());
    }

    private static String builtFrom(SignerIdentity identity) {
        if (identity == null) {
            return "";
        }
        return identity.sourceRepository().isEmpty()
                ? RepositoryUrls.normalise(identity.subject()).orElse("") : identity.sourceRepository();
    }
}
