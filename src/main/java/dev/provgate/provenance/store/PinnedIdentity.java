// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.SignerIdentity;

/**
 * The part of a signer identity that should stay the same from one release to the next: who issued the
 * certificate, which repository and workflow built the package, or which key signed it. The SAN and the ref
 * change with every release tag and are not pinned.
 *
 * @param issuer            OIDC issuer
 * @param sourceRepository  the signer's repository ({@link SignerIdentity#repository()}), or empty
 * @param workflow          workflow or build config without its {@code @ref}; taken from the SAN when the
 *                          certificate has no build config (certificates from early 2023)
 * @param keyFingerprint    PGP fingerprint or registry key id, for key-signed evidence
 * @param firstSeenVersion  the version whose signer was pinned
 */
public record PinnedIdentity(String issuer, String sourceRepository, String workflow, String keyFingerprint,
                             String firstSeenVersion) {
    public PinnedIdentity {
        issuer = issuer == null ? "" : issuer;
        sourceRepository = sourceRepository == null ? "" : sourceRepository;
        workflow = workflow == null ? "" : workflow;
        keyFingerprint = keyFingerprint == null ? "" : keyFingerprint;
        firstSeenVersion = firstSeenVersion == null ? "" : firstSeenVersion;
    }

    public static PinnedIdentity of(SignerIdentity identity, String version) {
        String workflow = identity.workflow().isEmpty() ? identity.subject() : identity.workflow();
        return new PinnedIdentity(identity.issuer(), identity.repository(), withoutRef(workflow),
                identity.keyFingerprint(), version);
    }

    /** Same signer: every pinned field equal; the version it was first seen in does not count. */
    public boolean sameSignerAs(PinnedIdentity other) {
        return issuer.equals(other.issuer) && sourceRepository.equals(other.sourceRepository)
                && workflow.equals(other.workflow) && keyFingerprint.equals(other.keyFingerprint);
    }

    /** {@code https://github.com/o/r/.github/workflows/x.yml@refs/tags/v1} gives the part before {@code @}. */
    private static String withoutRef(String uri) {
        int at = uri.lastIndexOf('@');
        boolean email = uri.indexOf("://") < 0;
        return at > 0 && !email ? uri.substring(0, at) : uri;
    }
}
