// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import java.util.Objects;

/**
 * The source repository a version declares in its registry metadata, as {@code declared.json} records it.
 *
 * @param repository normalised ({@link RepositoryUrls}): {@code https://github.com/owner/repo}
 * @param source     which registry field it was read from: {@code npm repository},
 *                   {@code pypi project_urls.Source}
 * @param declared   the value as the registry wrote it
 */
public record DeclaredRepository(String repository, String source, String declared) {
    public DeclaredRepository {
        Objects.requireNonNull(repository, "repository");
        source = source == null ? "" : source;
        declared = declared == null ? "" : declared;
    }
}
