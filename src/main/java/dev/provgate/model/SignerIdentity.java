// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.Locale;

/**
 * Who signed or built an artifact. Empty strings for what the evidence does not say.
 *
 * @param issuer           OIDC issuer (https://token.actions.githubusercontent.com)
 * @param subject          certificate SAN (workflow URI or e-mail)
 * @param sourceRepository source repository URI, as the certificate's Source Repository URI extension says
 * @param workflow         build config / workflow path
 * @param ref              git ref the build ran on
 * @param keyFingerprint   PGP fingerprint or registry key id, for key-signed evidence
 * @param build            what the build itself says (trigger, builder, commit); {@link BuildFacts#NONE} if unknown
 */
public record SignerIdentity(String issuer, String subject, String sourceRepository, String workflow, String ref,
                             String keyFingerprint, BuildFacts build) {
    public SignerIdentity {
        issuer = issuer == null ? "" : issuer;
        subject = subject == null ? "" : subject;
        sourceRepository = sourceRepository == null ? "" : sourceRepository;
        workflow = workflow == null ? "" : workflow;
        ref = ref == null ? "" : ref;
        keyFingerprint = keyFingerprint == null ? "" : keyFingerprint;
        build = build == null ? BuildFacts.NONE : build;
    }

    public SignerIdentity(String issuer, String subject, String sourceRepository, String workflow, String ref,
                          String keyFingerprint) {
        this(issuer, subject, sourceRepository, workflow, ref, keyFingerprint, BuildFacts.NONE);
    }

    /** The same signer with what the build's provenance predicate adds. */
    public SignerIdentity withBuild(BuildFacts facts) {
        return new SignerIdentity(issuer, subject, sourceRepository, workflow, ref, keyFingerprint, facts);
    }

    /**
     * The signer's repository, the one definition every check uses: the certificate's Source Repository URI, else
     * (certificates issued before that extension, about mid-2023) the repository part of a workflow URI in the SAN
     * ({@code https://github.com/OWNER/REPO/.github/workflows/...}, GitLab's {@code https://gitlab.com/PATH//FILE}).
     * Empty for e-mail and key signers.
     */
    public String repository() {
        if (!sourceRepository.isEmpty()) {
            return sourceRepository.endsWith("/") ? sourceRepository.substring(0, sourceRepository.length() - 1)
                    : sourceRepository;
        }
        return repositoryOfWorkflowUri(subject);
    }

    /** Where {@link #repository()} came from, for messages. */
    public String repositorySource() {
        if (!sourceRepository.isEmpty()) {
            return "certificate Source Repository URI";
        }
        return repository().isEmpty() ? "" : "certificate SAN (no Source Repository URI extension)";
    }

    static String repositoryOfWorkflowUri(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://")) {
            return "";
        }
        int workflows = uri.indexOf("/.github/workflows/");
        if (workflows > "https://".length()) {
            String repo = uri.substring(0, workflows);
            return repo.chars().filter(ch -> ch == '/').count() == 4 ? repo : "";
        }
        int gitlab = uri.indexOf("//", "https://".length());
        return gitlab > "https://".length() ? uri.substring(0, gitlab) : "";
    }
}
