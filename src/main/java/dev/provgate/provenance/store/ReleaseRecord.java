// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.ReleaseInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * A version's publish time as {@code release.json} records it.
 *
 * @param publishedAt when the registry says the version was published
 * @param source      which registry fact it is: {@code npm time}, {@code pypi upload_time},
 *                    {@code maven Last-Modified}
 * @param url         the URL it was read from
 */
public record ReleaseRecord(Instant publishedAt, String source, String url) {
    public ReleaseRecord {
        Objects.requireNonNull(publishedAt, "publishedAt");
        source = source == null ? "" : source;
        url = url == null ? "" : url;
    }

    /** The evidence the release-age rule reads. */
    public ReleaseInfo toReleaseInfo() {
        return new ReleaseInfo(publishedAt, source + " " + url);
    }
}
