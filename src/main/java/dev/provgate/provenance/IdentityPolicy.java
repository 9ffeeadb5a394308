// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import dev.provgate.model.SignerIdentity;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who must have signed: every non-empty field must match the signing certificate. Filled from trust-tiers.yaml, a
 * package's declared repository, a pinned identity or the verify command's options.
 *
 * @param issuer           OIDC issuer, exact ({@code https://token.actions.githubusercontent.com})
 * @param subject          certificate SAN, exact (a workflow URI or an e-mail)
 * @param sourceRepository source repository URI, exact ({@code https://github.com/owner/repo}), compared with
 *                         {@link SignerIdentity#repository()} (certificates older than the Source Repository URI
 *                         extension name it in their SAN)
 * @param workflow         build config path the Build Config URI must name before its {@code @ref}, matched on a
 *                         path-segment boundary ({@code release.yml} or {@code .github/workflows/release.yml})
 * @param refPattern       regular expression the whole git ref must match ({@code refs/tags/v.*})
 */
public record IdentityPolicy(String issuer, String subject, String sourceRepository, String workflow,
                             String refPattern) {
    public static final String GITHUB_ACTIONS = "https://token.actions.githubusercontent.com";
    public static final String GITLAB = "https://gitlab.com";
    public static final String GOOGLE = "https://accounts.google.com";

    public IdentityPolicy {
        issuer = issuer == null ? "" : issuer;
        subject = subject == null ? "" : subject;
        sourceRepository = stripSlash(sourceRepository == null ? "" : sourceRepository);
        workflow = workflow == null ? "" : workflow;
        refPattern = refPattern == null ? "" : refPattern;
        if (!refPattern.isEmpty()) {
            Pattern.compile(refPattern);
        }
    }

    /** No identity requirement: for recording an identity on first use, never for a gate decision. */
    public static IdentityPolicy anyIdentity() {
        return new IdentityPolicy("", "", "", "", "");
    }

    /** Exact SAN and issuer, as {@code cosign verify-blob --certificate-identity --certificate-oidc-issuer}. */
    public static IdentityPolicy exact(String issuer, String subject) {
        return new IdentityPolicy(issuer, subject, "", "", "");
    }

    /** Built from GitHub Actions in {@code owner/repo}, any workflow and ref. */
    public static IdentityPolicy githubRepository(String ownerRepo) {
        return new IdentityPolicy(GITHUB_ACTIONS, "", "https://github.com/" + ownerRepo, "", "");
    }

    public boolean isEmpty() {
        return issuer.isEmpty() && subject.isEmpty() && sourceRepository.isEmpty() && workflow.isEmpty()
                && refPattern.isEmpty();
    }

    /** Why the signer does not satisfy this policy, or empty when it does. */
    public Optional<String> mismatch(SignerIdentity signer) {
        if (!issuer.isEmpty() && !issuer.equals(signer.issuer())) {
            return Optional.of("issuer is '" + signer.issuer() + "', expected '" + issuer + "'");
        }
        if (!subject.isEmpty() && !subject.equals(signer.subject())) {
            return Optional.of("certificate identity is '" + signer.subject() + "', expected '" + subject + "'");
        }
        if (!sourceRepository.isEmpty() && !repositoryMatches(signer)) {
            return Optional.of("source repository is '" + shownRepository(signer) + "', expected '"
                    + sourceRepository + "'");
        }
        if (!workflow.isEmpty() && !workflowMatches(signer.workflow())) {
            return Optional.of("build config is '" + signer.workflow() + "', expected workflow '" + workflow + "'");
        }
        if (!refPattern.isEmpty() && !Pattern.compile(refPattern).matcher(signer.ref()).matches()) {
            return Optional.of("git ref is '" + signer.ref() + "', expected to match '" + refPattern + "'");
        }
        return Optional.empty();
    }

    /** On {@link SignerIdentity#repository()}, the one definition of the signer's repository. */
    private boolean repositoryMatches(SignerIdentity signer) {
        return sourceRepository.equals(signer.repository());
    }

    private static String shownRepository(SignerIdentity signer) {
        if (signer.repository().isEmpty()) {
            return "(none; SAN " + signer.subject() + ")";
        }
        return signer.sourceRepository().isEmpty() ? signer.repository() + " (from the SAN " + signer.subject() + ")"
                : signer.repository();
    }

    /** The build config URI without its {@code @ref}, ending in {@code /workflow}. */
    private boolean workflowMatches(String buildConfig) {
        int at = buildConfig.lastIndexOf('@');
        String path = at < 0 ? buildConfig : buildConfig.substring(0, at);
        String wanted = workflow.startsWith("/") ? workflow : "/" + workflow;
        return path.endsWith(wanted);
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
