// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.store.StoredPackage;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What one commit locks: its lockfiles (path to blob id) and each package version (purl) with the commit that
 * introduced it into this commit's history. Commits that change no lockfile share their first parent's state.
 */
record LockfileState(SortedMap<String, String> lockfiles, SortedMap<String, Held> held) {
    static final LockfileState EMPTY = new LockfileState(new TreeMap<>(), new TreeMap<>());

    LockfileState {
        lockfiles = Collections.unmodifiableSortedMap(lockfiles);
        held = Collections.unmodifiableSortedMap(held);
    }

    /**
     * One locked version.
     *
     * @param origin   the commit that introduced it (for a version merged in: the commit on the merged branch)
     * @param lockfile where it is locked (the first lockfile by path when several lock it)
     */
    record Held(RevCommit origin, String lockfile, StoredPackage pkg) {
    }

    static LockfileState of(Map<String, String> lockfiles, Map<String, Held> held) {
        return new LockfileState(new TreeMap<>(lockfiles), new TreeMap<>(held));
    }
}
