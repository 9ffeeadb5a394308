// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Location;
import dev.provgate.model.SignerIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who must have built a package: what its provenance has to name. Empty fields are not checked.
 *
 * @param pattern    the packages it covers
 * @param repository source repository, as a URL or {@code owner/name}
 * @param workflow   workflow or build config path ({@code .github/workflows/release.yml})
 * @param issuer     OIDC issuer URL
 * @param ref        git ref pattern the build ran on ({@code refs/tags/v*}; {@code *} is any run of characters)
 * @param triggers   the only build trigger events accepted; empty accepts any
 * @param where      the entry in the policy file
 */
public record ExpectedIdentity(PurlPattern pattern, String repository, String workflow, String issuer, String ref,
                               List<String> triggers, Location where) {
    public ExpectedIdentity {
        repository = repository == null ? "" : repository;
        workflow = workflow == null ? "" : workflow;
        issuer = issuer == null ? "" : issuer;
        ref = ref == null ? "" : ref;
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    public ExpectedIdentity(PurlPattern pattern, String repository, String workflow, String issuer, Location where) {
        this(pattern, repository, workflow, issuer, "", List.of(), where);
    }

    /** The ref pattern as a regular expression over the whole ref, or empty. */
    public String refRegex() {
        if (ref.isEmpty()) {
            return "";
        }
        return java.util.Arrays.stream(ref.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
    }

    /** What differs between the signer and this expectation; empty when it matches. */
    public List<String> mismatches(SignerIdentity actual) {
        List<String> out = new ArrayList<>();
        if (!repository.isEmpty() && !sameRepository(repository, actual.repository())) {
            out.add("repository " + shown(actual.repository()) + ", expected " + repository);
        }
        if (!workflow.isEmpty() && !sameWorkflow(workflow, actual.workflow())) {
            out.add("workflow " + shown(actual.workflow()) + ", expected " + workflow);
        }
        if (!issuer.isEmpty() && !issuer.equals(actual.issuer())) {
            out.add("issuer " + shown(actual.issuer()) + ", expected " + issuer);
        }
        String builtOn = actual.build().ref().isEmpty() ? actual.ref() : actual.build().ref();
        if (!ref.isEmpty() && !builtOn.matches(refRegex())) {
            out.add("ref " + shown(builtOn) + ", expected " + ref);
        }
        if (!triggers.isEmpty() && !triggers.contains(actual.build().trigger())) {
            out.add("trigger " + shown(actual.build().trigger()) + ", expected one of " + String.join(", ", triggers));
        }
        return out;
    }

    /** {@code owner/name} matches any host's URL ending in it; full URLs compare without case and {@code .git}. */
    static boolean sameRepository(String expected, String actual) {
        String e = trimRepo(expected);
        String a = trimRepo(actual);
        return e.contains("://") ? e.equals(a) : a.equals(e) || a.endsWith("/" + e);
    }

    private static String trimRepo(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.endsWith(".git") ? t.substring(0, t.length() - 4) : t;
    }

    /** A workflow given as a path matches the signer's workflow with or without its {@code @ref}. */
    static boolean sameWorkflow(String expected, String actual) {
        int at = actual.indexOf('@');
        String path = at < 0 ? actual : actual.substring(0, at);
        return actual.equals(expected) || path.equals(expected) || path.endsWith("/" + expected);
    }

    private static String shown(String s) {
        return s.isEmpty() ? "(none)" : s;
    }
}
