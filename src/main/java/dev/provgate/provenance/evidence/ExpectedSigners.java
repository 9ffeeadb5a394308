// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import dev.provgate.model.Component;
import dev.provgate.policy.ExpectedIdentity;
import dev.provgate.policy.PackageRef;
import dev.provgate.policy.Policy;
import dev.provgate.provenance.IdentityPolicy;
import java.util.Optional;

/**
 * Who must have signed a component's provenance, when the policy says so (trust-tiers.yaml {@code identities}). Without
 * one, {@link ProvenanceEnricher} falls back to the repository the version declares in its registry metadata.
 */
@FunctionalInterface
public interface ExpectedSigners {
    Optional<IdentityPolicy> of(Component component);

    /** No policy: signers are checked only against facts (the attestation itself, the pinned signer). */
    static ExpectedSigners none() {
        return c -> Optional.empty();
    }

    /** The policy's expected identity of each package, as a certificate identity policy. */
    static ExpectedSigners from(Policy policy) {
        return c -> policy.expectedIdentity(PackageRef.of(c)).map(ExpectedSigners::toIdentityPolicy);
    }

    /**
     * A repository written {@code owner/name} becomes the GitHub (or, with GitLab's issuer, GitLab) URL the
     * certificate's Source Repository URI holds; with another issuer it is left to the policy's own comparison.
     */
    static IdentityPolicy toIdentityPolicy(ExpectedIdentity expected) {
        String repository = expected.repository().strip();
        if (repository.endsWith(".git")) {
            repository = repository.substring(0, repository.length() - 4);
        }
        if (!repository.isEmpty() && !repository.contains("://")) {
            String issuer = expected.issuer();
            if (issuer.isEmpty() || issuer.equals(IdentityPolicy.GITHUB_ACTIONS)) {
                repository = "https://github.com/" + repository;
            } else if (issuer.equals(IdentityPolicy.GITLAB)) {
                repository = "https://gitlab.com/" + repository;
            } else {
                repository = "";
            }
        }
        return new IdentityPolicy(expected.issuer(), "", repository, expected.workflow(), expected.refRegex());
    }
}
