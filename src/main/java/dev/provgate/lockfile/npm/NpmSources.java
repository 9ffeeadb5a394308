// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;

/** Where an npm-ecosystem package comes from, judged by the URL or spec the lockfile records. */
final class NpmSources {
    private NpmSources() {
    }

    /**
     * The source of a resolved URL or spec. A tarball URL of the registry shape ({@code BASE/NAME/-/FILE.tgz}) is a
     * registry package with BASE as its registry; no host is assumed. Empty means bundled or unrecorded: the registry.
     */
    static Source of(String resolved) {
        if (resolved == null || resolved.isEmpty()) {
            return Source.registry("");
        }
        if (isGit(resolved)) {
            return Source.of(SourceKind.GIT, resolved);
        }
        if (resolved.startsWith("link:")) {
            return Source.of(SourceKind.LINK, resolved);
        }
        if (isHttp(resolved)) {
            String registry = registryBase(resolved);
            return registry.isEmpty() ? Source.of(SourceKind.URL, resolved)
                    : new Source(SourceKind.REGISTRY, resolved, registry);
        }
        return Source.of(SourceKind.PATH, resolved);
    }

    static boolean isHttp(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    static boolean isGit(String spec) {
        return spec.startsWith("git+") || spec.startsWith("git://") || spec.startsWith("git@")
                || spec.startsWith("github:") || spec.startsWith("gitlab:") || spec.startsWith("bitbucket:")
                || spec.startsWith("gist:") || (isHttp(spec) && (spec.contains(".git#") || spec.contains("#commit=")));
    }

    /** {@code BASE} of {@code BASE/NAME/-/FILE.tgz} (NAME may be {@code @scope/name} or {@code @scope%2fname}). */
    static String registryBase(String url) {
        String path = url;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int marker = path.lastIndexOf("/-/");
        if (marker < 0 || !path.endsWith(".tgz")) {
            return "";
        }
        String before = path.substring(0, marker);
        int slash = before.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        String base = before.substring(0, slash);
        int scopeSlash = base.lastIndexOf('/');
        if (scopeSlash >= 0 && base.substring(scopeSlash + 1).startsWith("@")) {
            base = base.substring(0, scopeSlash);
        }
        return base.contains("://") ? base : "";
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
