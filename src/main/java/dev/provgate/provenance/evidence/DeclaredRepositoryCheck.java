// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import dev.provgate.model.Component;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.provenance.store.RepositoryUrls;
import java.util.Set;

/**
 * A metadata check when the policy names no signer: a verified build attestation (npm SLSA provenance, PyPI
 * attestation, a Maven {@code .sigstore.json} bundle signed by CI) must come from the repository the version
 * declares in its registry metadata (a Maven POM's {@code <scm>}). Compared on host, owner
 * and name, case-insensitively, without {@code .git}; a certificate older than the Source Repository URI extension
 * is read from its SAN ({@link dev.provgate.model.SignerIdentity#repository()}). A difference is a
 * {@link ProvenanceResult.Outcome#MISMATCH} expected by {@link ProvenanceResult.ExpectedBy#DECLARED}, never a failed
 * verification: the registry metadata is not signed, and a transferred repository looks the same.
 */
final class DeclaredRepositoryCheck {
    static final Set<String> CHECKED = Set.of(Mechanisms.NPM_PROVENANCE, Mechanisms.PYPI_ATTESTATION,
            Mechanisms.MAVEN_SIGSTORE);
    static final String ORIGIN = "declared repository in the registry metadata";

    private DeclaredRepositoryCheck() {
    }

    static ProvenanceResult apply(Component c, ProvenanceResult r, DeclaredRepository declared) {
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
        return r.mismatch(ProvenanceResult.ExpectedBy.DECLARED, disagreement(c, builtFrom, declared));
    }

    /** What differs, and how to pin the build repository when the difference is expected (a transferred repository). */
    private static String disagreement(Component c, String builtFrom, DeclaredRepository declared) {
        if (builtFrom.isEmpty()) {
            return "the certificate names no repository, but the package declares " + declared.repository() + " ("
                    + declared.source() + ")";
        }
        String ownerName = builtFrom.substring(builtFrom.indexOf('/', "https://".length()) + 1);
        return "built in " + builtFrom + ", but the package declares " + declared.repository() + " (" + ORIGIN
                + ", " + declared.source() + "); the signature is valid. If " + builtFrom + " is right (a renamed "
                + "or transferred repository), pin it in trust-tiers.yaml: identities: - package: "
                + withoutVersion(c.purl()) + ", repository: " + ownerName;
    }

    private static String withoutVersion(String purl) {
        int at = purl.lastIndexOf('@');
        return at > purl.indexOf('/') ? purl.substring(0, at) : purl;
    }

    private static String builtFrom(SignerIdentity identity) {
        if (identity == null) {
            return "";
        }
        return RepositoryUrls.normalise(identity.repository()).orElse("");
    }
}
