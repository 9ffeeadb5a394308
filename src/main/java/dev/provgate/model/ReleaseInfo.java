// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.time.Instant;

/**
 * Registry facts about the locked version.
 *
 * @param publishedAt   when the version was published, or null when unknown
 * @param origin        where the fact came from (registry URL, cache file)
 * @param installScript whether the registry's metadata says the version runs install scripts (npm), or null when
 *                      it was not read
 */
public record ReleaseInfo(Instant publishedAt, String origin, Boolean installScript) implements Evidence {
    /** Without an install-script fact. */
    public ReleaseInfo(Instant publishedAt, String origin) {
        this(publishedAt, origin, null);
    }

    @Override
    public String kind() {
        return "release";
    }
}
