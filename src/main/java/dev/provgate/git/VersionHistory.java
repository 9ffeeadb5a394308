// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.model.Component;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * "Since when do we lock this version?": walks a revision's first-parent history back from the tip while the
 * lockfiles keep locking the package, and names the oldest commit of that unbroken run. Lockfiles are parsed again
 * only at commits that change one of them.
 */
public final class VersionHistory {
    private final Repository repo;
    private final GitLockfiles lockfiles;

    VersionHistory(Repository repo, GitLockfiles lockfiles) {
        this.repo = repo;
        this.lockfiles = lockfiles;
    }

    /**
     * The commit that introduced it on this line of history.
     *
     * @param bounded the walk stopped at {@code notBefore}, so the package may be older than {@code commit}
     */
    public record Introduction(String commit, Instant time, String subject, boolean bounded) {
    }

    /** Empty when the tip does not lock a matching package. */
    public Optional<Introduction> introduction(String rev, Predicate<Component> wanted, Optional<Instant> notBefore) {
        ObjectId tip = resolveCommit(rev);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(tip);
            RevCommit oldest = null;
            Map<String, ObjectId> lastLockfiles = null;
            boolean present = false;
            while (commit != null) {
                GitSnapshot snapshot = GitSnapshot.atRevision(repo, commit.name(), commit.abbreviate(12).name() + ":");
                List<GitLockfiles.Selected> selected = lockfiles.select(snapshot, List.of(), path -> true);
                Map<String, ObjectId> current = blobs(snapshot, selected);
                if (!current.equals(lastLockfiles)) {
                    present = lockfiles.read(snapshot, selected).components().anyMatch(wanted);
                    lastLockfiles = current;
                }
                if (!present) {
                    break;
                }
                oldest = commit;
                if (notBefore.isPresent() && commitTime(commit).isBefore(notBefore.get())) {
                    return Optional.of(introduction(oldest, true));
                }
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            return Optional.ofNullable(oldest).map(c -> introduction(c, false));
        } catch (IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "cannot read the history of '" + rev
                    + "': " + e.getMessage(), e);
        }
    }

    private ObjectId resolveCommit(String rev) {
        GitRepositories.tree(repo, rev);
        try {
            return repo.resolve(rev + "^{commit}");
        } catch (IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "unknown git revision '" + rev + "'", e);
        }
    }

    private static Map<String, ObjectId> blobs(GitSnapshot snapshot, List<GitLockfiles.Selected> selected) {
        Map<String, ObjectId> out = new TreeMap<>();
        selected.forEach(s -> out.put(s.path(), snapshot.contentId(s.path()).orElse(ObjectId.zeroId())));
        return out;
    }

    private static Introduction introduction(RevCommit commit, boolean bounded) {
        return new Introduction(commit.name(), commitTime(commit), commit.getShortMessage(), bounded);
    }

    private static Instant commitTime(RevCommit commit) {
        return Instant.ofEpochSecond(commit.getCommitTime());
    }
}
