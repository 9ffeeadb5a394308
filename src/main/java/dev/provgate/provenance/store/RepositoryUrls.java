// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import java.util.Locale;
import java.util.Optional;

/**
 * A repository as registries and certificates write it, reduced to the {@code https://HOST/PATH} form the Fulcio
 * Source Repository URI uses, for GitHub and GitLab only (the hosts whose CI signs with Sigstore). Accepts
 * {@code git+https://…/o/r.git}, {@code git://}, {@code git+ssh://git@…}, {@code ssh://git@…}, scp-like
 * {@code git@github.com:o/r.git}, npm shorthands ({@code github:o/r}, {@code gitlab:g/r}, bare {@code o/r}), and
 * browse URLs ({@code /tree/main/packages/x} on GitHub, {@code /-/tree/…} on GitLab, a workflow SAN's
 * {@code /.github/…} or {@code //.gitlab-ci.yml}).
 */
public final class RepositoryUrls {
    private static final String GITHUB = "github.com";
    private static final String GITLAB = "gitlab.com";

    private RepositoryUrls() {
    }

    /** The {@code https://github.com/o/r} (or GitLab) form, or empty for another host or what is not a URL. */
    public static Optional<String> normalise(String raw) {
        String s = raw == null ? "" : raw.strip();
        int hash = s.indexOf('#');
        s = hash < 0 ? s : s.substring(0, hash);
        if (s.startsWith("github:")) {
            return repository(GITHUB, s.substring("github:".length()));
        }
        if (s.startsWith("gitlab:")) {
            return repository(GITLAB, s.substring("gitlab:".length()));
        }
        if (s.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            return repository(GITHUB, s);
        }
        int scheme = s.indexOf("://");
        String rest;
        if (scheme > 0) {
            rest = s.substring(scheme + 3);
        } else if (s.matches("[^/@:]+@[^/:]+:.+")) {
            rest = s.replaceFirst(":", "/");
        } else {
            return Optional.empty();
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String host = rest.substring(0, slash);
        host = host.substring(host.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        host = host.startsWith("www.") ? host.substring(4) : host;
        host = host.replaceFirst(":\\d+$", "");
        return repository(host, rest.substring(slash + 1));
    }

    /** Whether two repositories are the same after normalising: host, owner and name compared case-insensitively. */
    public static boolean same(String a, String b) {
        Optional<String> na = normalise(a);
        return na.isPresent() && na.get().equalsIgnoreCase(normalise(b).orElse(""));
    }

    private static Optional<String> repository(String host, String path) {
        String p = path;
        int query = p.indexOf('?');
        p = query < 0 ? p : p.substring(0, query);
        if (host.equals(GITHUB)) {
            String[] segments = p.split("/");
            if (segments.length < 2) {
                return Optional.empty();
            }
            p = segments[0] + "/" + segments[1];
        } else if (host.equals(GITLAB)) {
            for (String end : new String[] {"/-/", "//"}) {
                int at = p.indexOf(end);
                p = at < 0 ? p : p.substring(0, at);
            }
        } else {
            return Optional.empty();
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.toLowerCase(Locale.ROOT).endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        if (p.isEmpty() || p.startsWith("/") || !p.contains("/") || p.split("/")[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("https://" + host + "/" + p);
    }
}
