// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Objects;

/**
 * A PyPI Trusted Publisher as the Integrity API's provenance object or a policy names it, and the certificate
 * identity it stands for (the checks PyPI itself makes).
 *
 * @param kind       GitHub, GitLab or Google
 * @param repository {@code owner/repo} (GitHub) or {@code group/project} (GitLab); empty for Google
 * @param workflow   workflow file name (GitHub, under {@code .github/workflows/}) or CI file path (GitLab)
 * @param email      service account e-mail (Google)
 */
public record TrustedPublisher(Kind kind, String repository, String workflow, String email) {
    public enum Kind { GITHUB, GITLAB, GOOGLE }

    public TrustedPublisher {
        Objects.requireNonNull(kind, "kind");
        repository = repository == null ? "" : repository;
        workflow = workflow == null ? "" : workflow;
        email = email == null ? "" : email;
    }

    /** The identity policy the certificate must satisfy for this publisher. */
    public IdentityPolicy identityPolicy() {
        return switch (kind) {
            case GITHUB -> new IdentityPolicy(IdentityPolicy.GITHUB_ACTIONS, "", "https://github.com/" + repository,
                    ".github/workflows/" + workflow, "");
            // GitLab's Build Config URI is https://gitlab.com/<project>//<ci file>@<ref>: note the double slash
            case GITLAB -> new IdentityPolicy(IdentityPolicy.GITLAB, "", "https://gitlab.com/" + repository,
                    "/" + workflow, "");
            case GOOGLE -> IdentityPolicy.exact(IdentityPolicy.GOOGLE, email);
        };
    }

    /** Reads the {@code publisher} member of a provenance object; null when its kind is unknown. */
    static TrustedPublisher fromJson(JsonObject publisher) {
        String kind = JsonDocs.string(publisher, "kind").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "github" -> new TrustedPublisher(Kind.GITHUB, JsonDocs.string(publisher, "repository"),
                    JsonDocs.string(publisher, "workflow"), "");
            case "gitlab" -> new TrustedPublisher(Kind.GITLAB, JsonDocs.string(publisher, "repository"),
                    JsonDocs.string(publisher, "workflow_filepath"), "");
            case "google" -> new TrustedPublisher(Kind.GOOGLE, "", "", JsonDocs.string(publisher, "email"));
            default -> null;
        };
    }
}
