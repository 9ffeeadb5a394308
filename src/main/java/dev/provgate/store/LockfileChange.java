// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

/** A lockfile a commit changed against its first parent; {@code oid} null when the commit deleted it. */
public record LockfileChange(String sha, String path, String oid) {
}
