// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import dev.provgate.model.Component;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.provenance.store.AttestationStore;

/** Mechanism names and the wording shared by the per-ecosystem checks. */
final class Mechanisms {
    static final String NPM_PROVENANCE = "npm-provenance";
    static final String NPM_PUBLISH = "npm-publish";
    static final String NPM_REGISTRY_SIGNATURE = "npm-registry-signature";
    static final String PYPI_ATTESTATION = "pypi-attestation";
    static final String MAVEN_SIGSTORE = "maven-sigstore";
    static final String MAVEN_PGP = "maven-pgp";
    /** The lockfile's digest and the registry's disagree: the artifact is not the one that was published. */
    static final String REGISTRY_DIGEST = "registry-digest";

    private Mechanisms() {
    }

    /**
     * Why the store has no {@code file} for the component: the registry said it publishes none, or nobody fetched.
     */
    static ProvenanceResult missing(AttestationStore store, Component c, String mechanism, String file, String what) {
        if (store.notPublished(c.ecosystem(), c.name(), c.version()).contains(file)) {
            String seen = store.notPublishedSeen(c.ecosystem(), c.name(), c.version(), file)
                    .orElse("the registry answered not found at fetch time");
            return ProvenanceResult.unverified(mechanism, "no " + what + " published for " + c.coordinates()
                    + " (" + seen + ")");
        }
        return ProvenanceResult.unverified(mechanism, what + " of " + c.coordinates() + " not fetched: run "
                + "provgate attestations fetch (store " + store.root() + ")");
    }

    /** A verified result with a note on what its identity was checked against. */
    static ProvenanceResult withNote(ProvenanceResult r, String note) {
        String reason = r.reason().isEmpty() ? note : r.reason() + "; " + note;
        return new ProvenanceResult(r.mechanism(), r.outcome(), reason, r.identity(), r.bundleSha256(),
                r.logIndex(), r.signedAt(), r.expectedBy());
    }

    static ProvenanceResult digestMismatch(String what) {
        return new ProvenanceResult(REGISTRY_DIGEST, ProvenanceResult.Outcome.FAILED, "digest mismatch: " + what,
                null, "", -1, null);
    }
}
