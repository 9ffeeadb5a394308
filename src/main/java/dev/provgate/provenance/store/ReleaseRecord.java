// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.ReleaseInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * A version's publish time, and for npm whether it runs install scripts, as {@code release.json} records them.
 *
 * @param publishedAt when the registry says the version was published
 * @param source      which registry fact it is: {@code npm time}, {@code pypi upload_time},
 *                    {@code maven Last-Modified}
 * @param url         the URL it was read from
 * @param installScript whether the version's metadata says it runs install scripts (npm), or null when unknown
 */
public record ReleaseRecord(Instant publishedAt, String source, String url, Boolean installScript) {
    public ReleaseRecord {
        Objects.requireNonNull(publishedAt, "publishedAt");
        source = source == null ? "" : source;
        url = url == null ? "" : url;
    }

    /** Without an install-script fact (PyPI, Maven). */
    public ReleaseRecord(Instant publishedAt, String source, String url) {
        this(publishedAt, source, url, null);
    }

    /** The evidence the release-age and install-scripts rules read. */
    public ReleaseInfo toReleaseInfo() {
        return new ReleaseInfo(publishedAt, source + " " + url, installScript);
    }
}
