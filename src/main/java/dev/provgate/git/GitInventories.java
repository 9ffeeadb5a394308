// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.diff.Comparison;
import dev.provgate.diff.InventoryComparison;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
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
        return lockfiles.read(index, changedInIndex(index, head(), paths));
    }

    /** The staged lockfiles, and what they change compared with the same files at HEAD. */
    public record StagedChanges(Inventory staged, Comparison comparison) {
    }

    /**
     * The lockfiles under {@code paths} that the index adds or changes, compared by what they lock with the same
     * files at HEAD. Each blob is parsed once, the staged and the committed ones side by side.
     */
    public StagedChanges staged(List<Path> paths, InventoryComparison comparison) {
        GitSnapshot index = GitSnapshot.index(repo);
        Optional<GitSnapshot> head = head();
        List<GitLockfiles.Selected> changed = changedInIndex(index, head, paths);
        if (head.isEmpty()) {
            Inventory staged = lockfiles.read(index, changed);
            return new StagedChanges(staged, comparison.againstNothing("HEAD", staged));
        }
        Set<String> changedPaths = changed.stream().map(GitLockfiles.Selected::path).collect(Collectors.toSet());
        GitSnapshot committed = head.get();
        CompletableFuture<Inventory> before = CompletableFuture.supplyAsync(() -> lockfiles.read(committed,
                lockfiles.select(committed, List.of(), changedPaths::contains)));
        Inventory staged = lockfiles.read(index, changed);
        return new StagedChanges(staged, comparison.compare("HEAD", joined(before), staged,
                p -> p.substring(committed.displayPrefix().length()), p -> p, false));
    }

    private Optional<GitSnapshot> head() {
        return hasHead() ? Optional.of(GitSnapshot.atRevision(repo, "HEAD", "HEAD:")) : Optional.empty();
    }

    private List<GitLockfiles.Selected> changedInIndex(GitSnapshot index, Optional<GitSnapshot> head,
                                                       List<Path> paths) {
        return lockfiles.select(index, scopes(paths), path -> head.isEmpty() || !head.get().sameContent(index, path));
    }

    private static Inventory joined(CompletableFuture<Inventory> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The lockfiles under {@code paths} as they are at a commit, branch or tag. */
    public Inventory atRevision(String rev, List<Path> paths) {
        GitSnapshot snapshot = GitSnapshot.atRevision(repo, rev, "");
        return lockfiles.read(snapshot, lockfiles.select(snapshot, scopes(paths), path -> true));
    }

    /**
     * Each checked lockfile compared with the same file at {@code rev}, by what is locked (a lockfile the revision
     * lacks: every package added). {@code repoPathOf} turns a checked lockfile's path into its repository path;
     * {@code checkedContent} gives the git blob id of what was checked under a path ({@link #workingTreeContent},
     * {@link #indexContent}, {@link #contentAt}): a lockfile whose blob is the same at {@code rev} is not parsed again.
     */
    public Comparison compareWith(String rev, Inventory checked, Function<String, String> repoPathOf,
                                  Function<String, Optional<ObjectId>> checkedContent,
                                  InventoryComparison comparison) {
        GitSnapshot snapshot = GitSnapshot.atRevision(repo, rev, rev + ":");
        List<LockfileInventory> unchanged = new ArrayList<>();
        Set<String> toParse = new HashSet<>();
        for (LockfileInventory l : checked.lockfiles()) {
            String repoPath = repoPathOf.apply(l.path());
            Optional<ObjectId> was = snapshot.contentId(repoPath);
            boolean self = l.components().stream().allMatch(c -> c.location().file().equals(l.path()));
            if (self && was.isPresent() && was.equals(checkedContent.apply(l.path()))) {
                unchanged.add(new LockfileInventory(snapshot.display(repoPath), l.format(), l.ecosystem(),
                        l.components(), l.dependencies()));
            } else {
                toParse.add(repoPath);
            }
        }
        List<LockfileInventory> base = new ArrayList<>(unchanged);
        base.addAll(lockfiles.read(snapshot, lockfiles.select(snapshot, List.of(), toParse::contains)).lockfiles());
        return comparison.compare(rev, new Inventory(base), checked, p -> p.substring(rev.length() + 1), repoPathOf,
                false);
    }

    /** The blob id of a lockfile on disk (by its display path; a symbolic link's target), as git would store it. */
    public static Function<String, Optional<ObjectId>> workingTreeContent() {
        return path -> {
            try {
                byte[] bytes = Files.readAllBytes(Path.of(path));
                return Optional.of(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }

    /** The blob id of a staged lockfile (by its repository path). */
    public Function<String, Optional<ObjectId>> indexContent() {
        return GitSnapshot.index(repo)::contentId;
    }

    /** The blob id of a lockfile (by its repository path) at a revision. */
    public Function<String, Optional<ObjectId>> contentAt(String rev) {
        return GitSnapshot.atRevision(repo, rev, "")::contentId;
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

    /**
     * A lockfile's display path from a working-tree scan, as a path inside the repository; a lockfile that is a
     * symbolic link keeps its own name (its folder's links are resolved).
     */
    public String repoPath(String displayPath) {
        Path file = Path.of(displayPath).toAbsolutePath().normalize();
        Path folder = file.getParent();
        return folder == null ? relative(file) : join(relative(folder), file.getFileName().toString());
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
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
