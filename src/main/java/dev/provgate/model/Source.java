// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.Objects;

/**
 * The origin of a locked package.
 *
 * @param kind registry, git, url, path, workspace or link
 * @param url  the resolved URL or path as the lockfile gives it; empty when the lockfile does not say
 * @param registry the registry or index base URL when known (Python index-url, Maven repository); empty otherwise
 */
public record Source(SourceKind kind, String url, String registry) {
    public Source {
        Objects.requireNonNull(kind, "kind");
        url = url == null ? "" : url;
        registry = registry == null ? "" : registry;
    }

    public static Source registry(String url) {
        return new Source(SourceKind.REGISTRY, url, "");
    }

    public static Source of(SourceKind kind, String url) {
        return new Source(kind, url, "");
    }
}
