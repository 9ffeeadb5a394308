// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** A repository built from code, as JGit's own tests do: write, stage, commit, tag. No git process. */
final class TestRepo implements AutoCloseable {
    /** 2026-01-01T00:00:00Z; each commit is one day after the one before. */
    static final long FIRST_COMMIT_MILLIS = 1_767_225_600_000L;
    private static final long DAY_MILLIS = 86_400_000L;

    private final Path dir;
    private final Git git;
    private int commits;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static TestRepo init(Path dir) {
        return new TestRepo(dir, run(() -> Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()));
    }

    Path dir() {
        return dir;
    }

    /** Writes a file in the working tree only. */
    TestRepo write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes and stages a file. */
    TestRepo stage(String path, String content) {
        write(path, content);
        run(git.add().addFilepattern(path));
        return this;
    }

    /** Creates and stages a symbolic link (git mode 120000) to {@code target}, as written. */
    TestRepo link(String path, String target) {
        try {
            Path link = dir.resolve(path);
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(git.add().addFilepattern(path));
        return this;
    }

    TestRepo commit(String message) {
        PersonIdent author = new PersonIdent("Test", "test@example.invalid",
                FIRST_COMMIT_MILLIS + commits++ * DAY_MILLIS, 0);
        run(git.commit().setMessage(message).setAuthor(author).setCommitter(author));
        return this;
    }

    TestRepo tag(String name) {
        run(git.tag().setName(name).setAnnotated(false));
        return this;
    }

    TestRepo branch(String name) {
        run(git.checkout().setCreateBranch(true).setName(name));
        return this;
    }

    private static <T> T run(Callable<T> command) {
        try {
            return command.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
