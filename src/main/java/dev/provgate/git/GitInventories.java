// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** Inventories read from one git repository: the staged index, a revision, and the baseline to compare with. */
public final class GitInventories implements AutoCloseable {
    private final Repository repo;
    private final GitLockfiles lockfiles;

    private GitInventories(Repository repo, List<LockfileParser> parsers) {
        this.repo = repo;
        this.lockfiles = new GitLockfiles(parsers);
    }

    /** The repository that holds {@code start}; not being in one is an input error. */
    public static GitInventories open(Path start, List<LockfileParser> parsers) {
        return new GitInventories(GitRepositories.open(start), parsers);
    }

    /** The lockfiles under {@code paths} that the index adds or changes compared with HEAD, as staged. */
    public Inventory staged(List<Path> paths) {
        GitSnapshot index = GitSnapshot.index(repo);
        Map<String, ObjectId> head = hasHead() ? GitSnapshot.atRevision(repo, "HEAD", "").blobs() : Map.of();
        List<GitLockfiles.Selected> changed = lockfiles.select(index, scopes(paths),
                path -> !Objects.equals(head.get(path), index.blobs().get(path)));
        return lockfiles.read(index, changed);
    }

    /** The lockfiles under {@code paths} as they are at a commit, branch or tag. */
    public Inventory atRevision(String rev, List<Path> paths) {
        GitSnapshot snapshot = GitSnapshot.atRevision(repo, rev, "");
        return lockfiles.read(snapshot, lockfiles.select(snapshot, scopes(paths), path -> true));
    }

    /**
     * The packages the given lockfiles (repository paths) lock at {@code rev}; a lockfile missing there adds
     * nothing. Files are shown as {@code REV:PATH} in errors.
     */
    public List<Component> componentsAt(String rev, Collection<String> repoPaths) {
        GitSnapshot snapshot = GitSnapshot.atRevision(repo, rev, rev + ":");
        List<GitLockfiles.Selected> selected = lockfiles.select(snapshot, List.of(), repoPaths::contains);
        return lockfiles.read(snapshot, selected).components().toList();
    }

    /** A file (a repository path) as it is at {@code rev}, shown as {@code REV:PATH}; empty when it is not there. */
    public Optional<LockfileSource> fileAt(String rev, String repoPath) {
        GitSnapshot snapshot = GitSnapshot.atRevision(repo, rev, rev + ":");
        return snapshot.contains(repoPath) ? Optional.of(snapshot.source(repoPath)) : Optional.empty();
    }

    /** Fails early, with the usual one line, when a revision does not exist. */
    public void requireRevision(String rev) {
        GitRepositories.tree(repo, rev);
    }

    public boolean hasHead() {
        return GitRepositories.hasHead(repo);
    }

    /** A lockfile's display path from a working-tree scan, as a path inside the repository. */
    public String repoPath(String displayPath) {
        return relative(Path.of(displayPath));
    }

    @Override
    public void close() {
        repo.close();
    }

    private List<String> scopes(List<Path> paths) {
        if (repo.isBare()) {
            return List.of();
        }
        List<String> scopes = new ArrayList<>();
        for (Path p : paths) {
            scopes.add(relative(p));
        }
        return scopes;
    }

    private String relative(Path path) {
        Path top = real(repo.getWorkTree());
        Path p = real(path.toAbsolutePath().normalize().toFile());
        if (!p.startsWith(top)) {
            throw new ProvgateException(path.toString(), 0, "outside the git repository at " + top);
        }
        return top.relativize(p).toString().replace('\\', '/');
    }

    /** The real path, so that symbolic links (a temp folder, a home folder) do not hide that one path is in another. */
    private static Path real(File file) {
        Path p = file.toPath().toAbsolutePath().normalize();
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }
}
