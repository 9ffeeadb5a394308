// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

/**
 * An interval read back with its repository and commits, as {@code query} reports it.
 *
 * @param removed null when the ref still locks the version
 */
public record StoredExposure(String repository, boolean truncated, Interval interval, CommitInfo introduced,
                             CommitInfo removed) {
}
