// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The regular files and symbolic links of one tree (a commit's, or the staged index) by path, read lazily from the
 * object database.
 *
 * @param origin        what {@link LockfileSource#origin()} says: {@code git:REV} or {@code git:index}
 * @param displayPrefix put before each path in what the user sees (e.g. {@code origin/main:} for a baseline)
 * @param blobs         the regular files
 * @param links         the symbolic links: each one's blob holds the path it points to
 */
public record GitSnapshot(Repository repo, String origin, String displayPrefix, Map<String, ObjectId> blobs,
                          Map<String, ObjectId> links) {
    /** Links to links are followed this many times at most (a cycle is an input error, not a hang). */
    private static final int MAX_LINK_HOPS = 8;

    public GitSnapshot {
        blobs = Collections.unmodifiableMap(new TreeMap<>(blobs));
        links = Collections.unmodifiableMap(new TreeMap<>(links));
    }

    /** The files at a revision. */
    public static GitSnapshot atRevision(Repository repo, String rev, String displayPrefix) {
        ObjectId tree = GitRepositories.tree(repo, rev);
        Map<String, ObjectId> blobs = new TreeMap<>();
        Map<String, ObjectId> links = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (isRegularFile(mode)) {
                    blobs.put(walk.getPathString(), walk.getObjectId(0));
                } else if (mode == FileMode.SYMLINK) {
                    links.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        } catch (IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "cannot read the tree of '" + rev + "': "
                    + e.getMessage(), e);
        }
        return new GitSnapshot(repo, "git:" + rev, displayPrefix, blobs, links);
    }

    /** The files as staged in the index: what the next commit will hold. */
    public static GitSnapshot index(Repository repo) {
        Map<String, ObjectId> blobs = new TreeMap<>();
        Map<String, ObjectId> links = new TreeMap<>();
        try {
            DirCache cache = repo.readDirCache();
            for (int i = 0; i < cache.getEntryCount(); i++) {
                DirCacheEntry entry = cache.getEntry(i);
                if (entry.getStage() != DirCacheEntry.STAGE_0) {
                    continue;
                }
                if (isRegularFile(entry.getFileMode())) {
                    blobs.put(entry.getPathString(), entry.getObjectId());
                } else if (entry.getFileMode() == FileMode.SYMLINK) {
                    links.put(entry.getPathString(), entry.getObjectId());
                }
            }
        } catch (IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "cannot read the git index: "
                    + e.getMessage(), e);
        }
        return new GitSnapshot(repo, "git:index", "", blobs, links);
    }

    /** A regular file or a symbolic link of that path. */
    public boolean contains(String path) {
        return blobs.containsKey(path) || links.containsKey(path);
    }

    /** Every path, files and links, sorted. */
    public Set<String> paths() {
        Set<String> all = new TreeSet<>(blobs.keySet());
        all.addAll(links.keySet());
        return all;
    }

    /**
     * The regular file a symbolic link leads to, inside this tree. A link that leaves the repository, that points
     * to nothing in the tree, or that goes round in a cycle is an input error naming the link.
     */
    public String linkTarget(String link) {
        String path = link;
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            String target = resolveLink(link, path);
            if (blobs.containsKey(target)) {
                return target;
            }
            if (!links.containsKey(target)) {
                throw new LockfileParseException(display(link), 0, "symbolic link to " + target
                        + ", which is not a file in " + origin);
            }
            path = target;
        }
        throw new LockfileParseException(display(link), 0, "symbolic link: more than " + MAX_LINK_HOPS
                + " links in a row (a cycle?)");
    }

    /** The content a path holds as a file: its own blob, or for a link inside the tree its target's; else empty. */
    public Optional<ObjectId> contentId(String path) {
        if (blobs.containsKey(path)) {
            return Optional.of(blobs.get(path));
        }
        if (!links.containsKey(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(blobs.get(linkTarget(path)));
        } catch (LockfileParseException e) {
            return Optional.empty();
        }
    }

    /** Whether a path is the same file, or the same link leading to the same content, in both trees. */
    public boolean sameContent(GitSnapshot other, String path) {
        return Objects.equals(blobs.get(path), other.blobs.get(path))
                && Objects.equals(links.get(path), other.links.get(path))
                && contentId(path).equals(other.contentId(path));
    }

    private String resolveLink(String link, String path) {
        String target = new String(bytes(path, links.get(path)), StandardCharsets.UTF_8);
        Path dir = Path.of(path).getParent();
        String joined = target.startsWith("/") ? target
                : (dir == null ? Path.of(target) : dir.resolve(target)).normalize().toString().replace('\\', '/');
        if (joined.startsWith("/") || joined.startsWith("../") || joined.equals("..") || joined.isEmpty()) {
            throw new LockfileParseException(display(link), 0, "symbolic link to " + target
                    + " leaves the repository; provgate reads lockfiles only inside it");
        }
        return joined;
    }

    public String display(String path) {
        return displayPrefix + path;
    }

    /**
     * The file's content as a parser reads it; the same size limit as on disk. A symbolic link is read as the file
     * it leads to, under the link's own name.
     */
    public LockfileSource source(String path) {
        String file = links.containsKey(path) ? linkTarget(path) : path;
        ObjectId id = blobs.get(file);
        if (id == null) {
            throw new IllegalArgumentException("not in " + origin + ": " + path);
        }
        return new LockfileSource(display(path), bytes(path, id), origin);
    }

    private byte[] bytes(String path, ObjectId id) {
        try {
            ObjectLoader loader = repo.open(id);
            if (loader.getSize() > LockfileFinder.MAX_FILE_BYTES) {
                throw new LockfileParseException(display(path), 0, "file is " + loader.getSize()
                        + " bytes, over the limit of " + LockfileFinder.MAX_FILE_BYTES);
            }
            return loader.getBytes();
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
