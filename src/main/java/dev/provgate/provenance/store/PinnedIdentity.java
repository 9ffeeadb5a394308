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
 * @param builder           the SLSA builder id of that build, or empty (pins written before it was recorded)
 * @param trigger           the event that triggered that build ({@code push}, {@code release}), or empty
 */
public record PinnedIdentity(String issuer, String sourceRepository, String workflow, String keyFingerprint,
                             String firstSeenVersion, String builder, String trigger) {
    public PinnedIdentity {
        issuer = issuer == null ? "" : issuer;
        sourceRepository = sourceRepository == null ? "" : sourceRepository;
        workflow = workflow == null ? "" : workflow;
        keyFingerprint = keyFingerprint == null ? "" : keyFingerprint;
        firstSeenVersion = firstSeenVersion == null ? "" : firstSeenVersion;
        builder = builder == null ? "" : builder;
        trigger = trigger == null ? "" : trigger;
    }

    public PinnedIdentity(String issuer, String sourceRepository, String workflow, String keyFingerprint,
                          String firstSeenVersion) {
        this(issuer, sourceRepository, workflow, keyFingerprint, firstSeenVersion, "", "");
    }

    public static PinnedIdentity of(SignerIdentity identity, String version) {
        String workflow = identity.workflow().isEmpty() ? identity.subject() : identity.workflow();
        return new PinnedIdentity(identity.issuer(), identity.repository(), withoutRef(workflow),
                identity.keyFingerprint(), version, identity.build().builder(), identity.build().trigger());
    }

    /**
     * Same signer: every pinned field equal; the version it was first seen in does not count, and a builder or
     * trigger the pin does not record (older pins) is not compared.
     */
    public boolean sameSignerAs(PinnedIdentity other) {
        return differences(other).isEmpty();
    }

    /** What differs from {@code now}: "workflow", "builder", "trigger", "repository", "issuer", "key". */
    public java.util.List<String> differences(PinnedIdentity now) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!keyFingerprint.equals(now.keyFingerprint)) {
            out.add("key");
        }
        if (!issuer.equals(now.issuer)) {
            out.add("issuer");
        }
        if (!sourceRepository.equals(now.sourceRepository)) {
            out.add("repository");
        }
        if (!workflow.equals(now.workflow)) {
            out.add("workflow");
        }
        if (!builder.isEmpty() && !builder.equals(now.builder)) {
            out.add("builder");
        }
        if (!trigger.isEmpty() && !trigger.equals(now.trigger)) {
            out.add("trigger");
        }
        return out;
    }

    /** {@code https://github.com/o/r/.github/workflows/x.yml@refs/tags/v1} gives the part before {@code @}. */
    private static String withoutRef(String uri) {
        int at = uri.lastIndexOf('@');
        boolean email = uri.indexOf("://") < 0;
        return at > 0 && !email ? uri.substring(0, at) : uri;
    }
}
