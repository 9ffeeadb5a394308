// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A bare repository built commit by commit from whole trees, with exact authors, times and offsets, and any
 * parents (merges included): what history scans are tested on.
 */
final class HistoryRepo implements AutoCloseable {
    private final Repository repo;
    private final Path dir;

    private HistoryRepo(Repository repo, Path dir) {
        this.repo = repo;
        this.dir = dir;
    }

    static HistoryRepo bare(Path dir) throws Exception {
        return new HistoryRepo(Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call()
                .getRepository(), dir);
    }

    /** An existing repository (a clone made by the test). */
    static HistoryRepo open(Path dir) throws IOException {
        return new HistoryRepo(new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build(), dir);
    }

    Path dir() {
        return dir;
    }

    Repository repository() {
        return repo;
    }

    /**
     * A commit whose tree is exactly {@code files}.
     *
     * @param who  {@code Name <email>}, author and committer
     * @param when RFC 3339 with the offset the commit records
     */
    RevCommit commit(String message, String who, String when, Map<String, String> files, RevCommit... parents)
            throws IOException {
        OffsetDateTime time = OffsetDateTime.parse(when);
        String name = who.substring(0, who.indexOf(" <"));
        String email = who.substring(who.indexOf('<') + 1, who.indexOf('>'));
        PersonIdent ident = new PersonIdent(name, email, time.toInstant(), time.getOffset());
        try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(f.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message + "\n");
            for (RevCommit p : parents) {
                commit.addParentId(p);
            }
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return walk.parseCommit(id);
        }
    }

    HistoryRepo ref(String name, RevCommit target) throws IOException {
        RefUpdate update = repo.updateRef(name);
        update.setNewObjectId(target);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot set " + name + ": " + result);
        }
        return this;
    }

    HistoryRepo branch(String name, RevCommit target) throws IOException {
        return ref(Constants.R_HEADS + name, target);
    }

    @Override
    public void close() {
        repo.close();
    }
}
