// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens the repository a path belongs to and resolves revisions, turning user mistakes into input errors. */
public final class GitRepositories {
    private GitRepositories() {
    }

    /** The repository that holds {@code start} (searching upwards, like git itself); bare repositories too. */
    public static Repository open(Path start) {
        Path from = existingAncestor(start.toAbsolutePath().normalize());
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(from.toFile());
        if (builder.getGitDir() == null && isBareRepository(from)) {
            builder.setGitDir(from.toFile());
        }
        if (builder.getGitDir() == null) {
            throw new ProvgateException(start.toString(), 0, "not a git repository (nor any parent folder)");
        }
        try {
            return builder.setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvgateException(start.toString(), 0, "cannot open the git repository: " + e.getMessage(), e);
        }
    }

    /**
     * A repository found by {@link RepositoryFinder}: {@code dir} is its top folder or a bare repository. The
     * environment (GIT_DIR in a hook) is ignored here: a scan reads exactly the repositories it found.
     */
    public static Repository openFound(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder();
        if (isBareRepository(dir)) {
            builder.setGitDir(dir.toFile()).setBare();
        } else {
            builder.findGitDir(dir.toFile());
            if (builder.getGitDir() == null) {
                throw new ProvgateException(dir.toString(), 0, "cannot open the git repository: its .git is not a "
                        + "valid repository (HEAD missing or not a ref or commit)");
            }
        }
        try {
            return builder.setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvgateException(dir.toString(), 0, "cannot open the git repository: " + e.getMessage(), e);
        }
    }

    /** The tree of a commit, branch, tag or any revision git understands; an unknown one is an input error. */
    public static ObjectId tree(Repository repo, String rev) {
        try {
            ObjectId tree = repo.resolve(rev + "^{tree}");
            if (tree == null) {
                throw new ProvgateException(repo.getDirectory().toString(), 0, "unknown git revision '" + rev + "'");
            }
            return tree;
        } catch (RevisionSyntaxException | IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "unknown git revision '" + rev + "': "
                    + e.getMessage(), e);
        }
    }

    /** Whether HEAD points at a commit (false in a repository without commits). */
    public static boolean hasHead(Repository repo) {
        try {
            return repo.resolve("HEAD^{tree}") != null;
        } catch (IOException e) {
            throw new ProvgateException(repo.getDirectory().toString(), 0, "cannot read HEAD: " + e.getMessage(), e);
        }
    }

    static boolean isBareRepository(Path dir) {
        return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))
                && Files.isDirectory(dir.resolve("refs"));
    }

    private static Path existingAncestor(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path : p;
    }
}
