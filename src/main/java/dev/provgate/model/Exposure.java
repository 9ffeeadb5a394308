// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * What {@code query} reports: an interval of an org-wide history scan with its repository and commits.
 *
 * @param truncated the repository was scanned from a shallow clone: introduction times are lower bounds
 * @param removed   null when the ref still locks the version
 */
public record Exposure(String repository, boolean truncated, Interval interval, CommitInfo introduced,
                       CommitInfo removed) {
}
