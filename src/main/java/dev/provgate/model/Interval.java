// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * A run of a ref's history during which it locked one package version.
 *
 * @param introduced the commit that introduced the version (on a branch later merged, that branch's commit)
 * @param merge      the merge that brought it to the ref, or null when it was committed on the ref's own line
 * @param removed    the commit that removed it, or null when the ref's tip still locks it
 * @param startTime  commit time of {@code introduced}, epoch seconds
 * @param endTime    commit time of {@code removed}, or null
 */
public record Interval(String ref, String purl, String pkg, String version, String lockfile, int line,
                       String introduced, String merge, String removed, long startTime, Long endTime) {
}
