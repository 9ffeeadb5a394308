// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * Who signed or built an artifact. Empty strings for what the evidence does not say.
 *
 * @param issuer           OIDC issuer (https://token.actions.githubusercontent.com)
 * @param subject          certificate SAN (workflow URI or e-mail)
 * @param sourceRepository source repository URI
 * @param workflow         build config / workflow path
 * @param ref              git ref the build ran on
 * @param keyFingerprint   PGP fingerprint or registry key id, for key-signed evidence
 */
public record SignerIdentity(String issuer, String subject, String sourceRepository, String workflow, String ref,
                             String keyFingerprint) {
    public SignerIdentity {
        issuer = issuer == null ? "" : issuer;
        subject = subject == null ? "" : subject;
        sourceRepository = sourceRepository == null ? "" : sourceRepository;
        workflow = workflow == null ? "" : workflow;
        ref = ref == null ? "" : ref;
        keyFingerprint = keyFingerprint == null ? "" : keyFingerprint;
    }
}
