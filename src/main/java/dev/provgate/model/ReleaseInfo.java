// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.time.Instant;

/**
 * Registry facts about the locked version.
 *
 * @param publishedAt when the version was published, or null when unknown
 * @param origin      where the fact came from (registry URL, cache file)
 */
public record ReleaseInfo(Instant publishedAt, String origin) implements Evidence {
    @Override
    public String kind() {
        return "release";
    }
}
