// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The regular files of one tree (a commit's, or the staged index) by path, read lazily from the object database.
 *
 * @param origin        what {@link LockfileSource#origin()} says: {@code git:REV} or {@code git:index}
 * @param displayPrefix put before each path in what the user sees (e.g. {@code origin/main:} for a baseline)
 */
public record GitSnapshot(Repository repo, String origin, String displayPrefix, Map<String, ObjectId> blobs) {
    public GitSnapshot {
        blobs = Collections.unmodifiableMap(new TreeMap<>(blobs));
    }

    /** The files at a revision. */
    public static GitSnapshot atRevision(Repository repo, String rev, String displayPrefix) {
        ObjectId tree = GitRepositories.tree(repo, rev);
        Map<String, ObjectId> blobs = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                if (isRegularFile(walk.getFileMode(0))) {
                    blobs.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        } catch (IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "cannot read the tree of '" + rev + "': "
                    + e.getMessage(), e);
        }
        return new GitSnapshot(repo, "git:" + rev, displayPrefix, blobs);
    }

    /** The files as staged in the index: what the next commit will hold. */
    public static GitSnapshot index(Repository repo) {
        Map<String, ObjectId> blobs = new TreeMap<>();
        try {
            DirCache cache = repo.readDirCache();
            for (int i = 0; i < cache.getEntryCount(); i++) {
                DirCacheEntry entry = cache.getEntry(i);
                if (entry.getStage() == DirCacheEntry.STAGE_0 && isRegularFile(entry.getFileMode())) {
                    blobs.put(entry.getPathString(), entry.getObjectId());
                }
            }
        } catch (IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "cannot read the git index: "
                    + e.getMessage(), e);
        }
        return new GitSnapshot(repo, "git:index", "", blobs);
    }

    public boolean contains(String path) {
        return blobs.containsKey(path);
    }

    public String display(String path) {
        return displayPrefix + path;
    }

    /** The file's content as a parser reads it; the same size limit as on disk. */
    public LockfileSource source(String path) {
        ObjectId id = blobs.get(path);
        if (id == null) {
            throw new IllegalArgumentException("not in " + origin + ": " + path);
        }
        try {
            ObjectLoader loader = repo.open(id);
            if (loader.getSize() > LockfileFinder.MAX_FILE_BYTES) {
                throw new LockfileParseException(display(path), 0, "file is " + loader.getSize()
                        + " bytes, over the limit of " + LockfileFinder.MAX_FILE_BYTES);
            }
            return new LockfileSource(display(path), loader.getBytes(), origin);
        } catch (IOException e) {
            throw new ProvgateException(display(path), 0, "cannot read from " + origin + ": " + e.getMessage(), e);
        }
    }

    /** A file that {@code including} names relative to its own folder, read from this same tree. */
    public Optional<LockfileSource> sibling(LockfileSource including, int line, String reference) {
        String includingPath = including.displayPath().substring(displayPrefix.length());
        Path dir = Path.of(includingPath).getParent();
        String joined = (dir == null ? Path.of(reference) : dir.resolve(reference)).normalize().toString()
                .replace('\\', '/');
        if (joined.startsWith("../") || joined.equals("..") || Path.of(reference).isAbsolute()) {
            throw new LockfileParseException(including, line, "cannot follow include " + reference
                    + ": it leaves the repository (" + origin + ")");
        }
        return contains(joined) ? Optional.of(source(joined)) : Optional.empty();
    }

    private static boolean isRegularFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}
