// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/** What is known of a package's install-time scripts (npm's preinstall, install and postinstall). */
public enum InstallScript {
    /** It runs code when installed (package-lock {@code hasInstallScript}, pnpm {@code requiresBuild}). */
    RUNS,
    /** It runs none: the lockfile records install scripts and marks none here. Also every non-npm package. */
    NONE,
    /** The lockfile cannot tell: package-lock v1, yarn.lock and pnpm 9 lockfiles carry no such field. */
    UNRECORDED;

    /** RUNS or NONE, from a lockfile's flag. */
    public static InstallScript flagged(boolean runs) {
        return runs ? RUNS : NONE;
    }

    /** Across lockfiles that lock the same version: one that says it runs wins, then one that records none. */
    public InstallScript or(InstallScript other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    /** As JSON reports it: true, false, or null when unrecorded. */
    public Boolean asBoolean() {
        return this == UNRECORDED ? null : this == RUNS;
    }
}
