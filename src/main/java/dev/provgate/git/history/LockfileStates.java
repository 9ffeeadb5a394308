// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.git.GitLockfiles;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.store.LockfileChange;
import dev.provgate.store.ParsedBlob;
import dev.provgate.store.StoredPackage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The lockfile state of every commit, computed parents first: a commit costs one tree diff against its first parent
 * restricted to lockfile paths (identical subtrees are skipped without reading them), and a parse only for blobs
 * never seen before. A merge's state is its own tree's; a version it holds keeps the origin it had in whichever
 * parent held it, so a version merged in names the commit on the merged branch.
 */
final class LockfileStates {
    private final ObjectReader reader;
    private final LockfilePathFilter paths;
    private final BlobPackages blobs;
    private final Map<ObjectId, LockfileState> states = new HashMap<>();
    private final List<LockfileChange> changes = new ArrayList<>();
    private final List<RevCommit> changing = new ArrayList<>();
    private int diffed;

    LockfileStates(ObjectReader reader, LockfilePathFilter paths, BlobPackages blobs) {
        this.reader = reader;
        this.paths = paths;
        this.blobs = blobs;
    }

    /**
     * The state of a commit whose parents were added before it; a parent outside the history counts as empty.
     *
     * @param known the lockfile changes an earlier scan stored for this commit (empty: it changed none), or null for
     *              a commit never walked, which is then compared with its first parent
     */
    void add(RevCommit commit, Map<String, String> known) throws IOException {
        RevCommit first = commit.getParentCount() == 0 ? null : commit.getParent(0);
        LockfileState base = first == null ? LockfileState.EMPTY : state(first);
        Map<String, String> changed = known != null ? known : diff(first, commit);
        if (known == null) {
            diffed++;
        }
        if (changed.isEmpty()) {
            states.put(commit, base);
            return;
        }
        if (known == null) {
            changing.add(commit);
        }
        Map<String, String> lockfiles = new TreeMap<>(base.lockfiles());
        changed.forEach((path, oid) -> {
            if (known == null) {
                changes.add(new LockfileChange(commit.name(), path, oid));
            }
            if (oid == null) {
                lockfiles.remove(path);
            } else {
                lockfiles.put(path, oid);
            }
        });
        states.put(commit, LockfileState.of(lockfiles, held(commit, lockfiles, base)));
    }

    /** A commit's state; empty for one never added (beyond a shallow clone's boundary). */
    LockfileState state(RevCommit commit) {
        return states.getOrDefault(commit, LockfileState.EMPTY);
    }

    boolean contains(RevCommit commit) {
        return states.containsKey(commit);
    }

    /** How many commits were compared with their parent (the others reused what the store knew). */
    int diffed() {
        return diffed;
    }

    /** The changes found by comparing, to be stored; known commits add none. */
    List<LockfileChange> changes() {
        return List.copyOf(changes);
    }

    /** The commits compared here whose lockfiles differ from their first parent's. */
    List<RevCommit> changing() {
        return List.copyOf(changing);
    }

    private Map<String, String> diff(RevCommit parent, RevCommit commit) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            if (parent == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(new CanonicalTreeParser(null, reader, parent.getTree()));
            }
            walk.addTree(new CanonicalTreeParser(null, reader, commit.getTree()));
            walk.setFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF, paths));
            while (walk.next()) {
                FileMode mode = walk.getFileMode(1);
                boolean file = mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
                out.put(walk.getPathString(), file ? walk.getObjectId(1).name() : null);
            }
        }
        return out;
    }

    private Map<String, LockfileState.Held> held(RevCommit commit, Map<String, String> lockfiles, LockfileState base)
            throws IOException {
        Map<String, LockfileState.Held> held = new TreeMap<>();
        for (Map.Entry<String, String> file : lockfiles.entrySet()) {
            String path = file.getKey();
            Optional<LockfileParser> parser = paths.parserFor(path);
            if (parser.isEmpty() || GitLockfiles.superseded(path, parser.get(), lockfiles::containsKey)) {
                continue;
            }
            ParsedBlob blob = blobs.get(ObjectId.fromString(file.getValue()), path, parser.get());
            if (blob.error() != null) {
                // An unreadable version of a lockfile says nothing new: keep what it locked before.
                base.held().forEach((purl, h) -> {
                    if (h.lockfile().equals(path)) {
                        held.putIfAbsent(purl, h);
                    }
                });
                continue;
            }
            for (StoredPackage pkg : blob.packages()) {
                if (!held.containsKey(pkg.purl())) {
                    held.put(pkg.purl(), new LockfileState.Held(origin(commit, pkg.purl()), path, pkg));
                }
            }
        }
        return held;
    }

    /** Where a version came from: the first parent that held it, else this commit. */
    private RevCommit origin(RevCommit commit, String purl) {
        for (RevCommit parent : commit.getParents()) {
            LockfileState.Held h = state(parent).held().get(purl);
            if (h != null) {
                return h.origin();
            }
        }
        return commit;
    }
}
