// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositorySourcesTest {
    @TempDir
    Path root;
    private Path org;
    private Path cache;

    /** org/team/app (work tree), org/team/lib.git (bare), org/deep/a/b/c/d/far (6 deep), and folders to skip. */
    @BeforeEach
    void organisation() throws Exception {
        org = root.resolve("org");
        cache = root.resolve("cache");
        commit(org.resolve("team/app"), "requirements.txt", "idna==3.7\n");
        Git.init().setBare(true).setDirectory(org.resolve("team/lib.git").toFile()).call().close();
        commit(org.resolve("deep/a/b/c/d/far"), "a.txt", "a");
        commit(org.resolve("deep/a/b/c/d/e/too-far"), "a.txt", "a");
        commit(org.resolve("team/node_modules/dep"), "a.txt", "a");
        commit(org.resolve(".hidden/repo"), "a.txt", "a");
        commit(org.resolve("team/app/vendor/nested"), "a.txt", "a");
    }

    private static Git commit(Path dir, String file, String content) throws Exception {
        Files.createDirectories(dir);
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        git.add().addFilepattern(file).call();
        PersonIdent who = new PersonIdent("Test", "test@example.invalid");
        git.commit().setMessage("add " + file).setAuthor(who).setCommitter(who).call();
        git.close();
        return git;
    }

    private RepositorySources sources(boolean offline) {
        return new RepositorySources(new Mirrors(cache), offline, 2);
    }

    private static List<String> ids(RepositorySources.Resolved r, Path base) throws Exception {
        String prefix = base.toRealPath() + "/";
        return r.targets().stream().map(t -> t.id().replace(prefix, "")).toList();
    }

    private static List<String> lines(RepositorySources.Resolved r, Path base) {
        return r.failures().stream().map(f -> f.line().replace(base + "/", "")).toList();
    }

    @Test
    void folderOfRepositoriesWorkTreesAndBareToSixLevels() throws Exception {
        RepositorySources.Resolved r = sources(true).resolve(List.of(org.toString()), List.of());
        assertEquals(List.of("org/deep/a/b/c/d/far", "org/team/app", "org/team/lib.git"), ids(r, root));
        assertEquals(List.of(), r.failures());
        ScanTarget app = r.targets().get(1);
        assertEquals(org.resolve("team/app/.git").toRealPath(), app.gitDir());
        assertEquals(org.resolve("team/app").toString(), app.location());
        try (Repository repo = app.open()) {
            assertTrue(repo.resolve("refs/heads/main") != null);
        }
        assertEquals(org.resolve("team/lib.git").toRealPath(), r.targets().get(2).gitDir());
    }

    @Test
    void oneRepositoryGivenTwiceOrThroughALinkIsScannedOnce() throws Exception {
        Files.createDirectories(root.resolve("links"));
        Files.createSymbolicLink(root.resolve("links/app"), org.resolve("team/app"));
        RepositorySources.Resolved r = sources(true).resolve(List.of(org.resolve("team/app").toString(),
                org.resolve("team/app/.git").toString(), root.resolve("links").toString(),
                org.resolve("team/../team/app").toString()), List.of());
        assertEquals(List.of("org/team/app"), ids(r, root));
        assertEquals(org.resolve("team/app").toString(), r.targets().get(0).location(), "the first spelling");
    }

    @Test
    void aGitFileLeadsToTheRepositoryItNames() throws Exception {
        Path work = org.resolve("team/app");
        Path separate = root.resolve("separate/app.git");
        Files.createDirectories(separate.getParent());
        Files.move(work.resolve(".git"), separate);
        Files.writeString(work.resolve(".git"), "gitdir: " + separate + "\n");
        RepositorySources.Resolved r = sources(true).resolve(List.of(work.toString()), List.of());
        assertEquals(List.of("org/team/app"), ids(r, root));
        assertEquals(separate.toRealPath(), r.targets().get(0).gitDir());
        try (Repository repo = r.targets().get(0).open()) {
            assertTrue(repo.resolve("refs/heads/main") != null);
        }
    }

    @Test
    void linksAreFollowedOnceAndLoopsEnd() throws Exception {
        Path elsewhere = root.resolve("elsewhere");
        commit(elsewhere.resolve("svc"), "a.txt", "a");
        commit(root.resolve("beyond/other"), "a.txt", "a");
        Files.createDirectories(elsewhere.resolve("group"));
        Files.createSymbolicLink(elsewhere.resolve("group/beyond"), root.resolve("beyond"));
        Files.createSymbolicLink(elsewhere.resolve("loop"), elsewhere);
        Path scan = Files.createDirectories(root.resolve("scan"));
        Files.createSymbolicLink(scan.resolve("linked"), elsewhere);
        RepositorySources.Resolved r = sources(true).resolve(List.of(scan.toString()), List.of());
        assertEquals(List.of("elsewhere/svc"), ids(r, root), "beyond/other is two links away");
        assertEquals(scan.resolve("linked/svc").toString(), r.targets().get(0).location());
    }

    @Test
    void listFileWithCommentsRelativePathsAndBadLines() throws Exception {
        Path list = root.resolve("repos.txt");
        Files.writeString(list, """
                # our repositories
                org/team/app

                org/team/lib.git   \s
                org/missing
                notes.txt
                """);
        Files.writeString(root.resolve("notes.txt"), "not a repository");
        RepositorySources.Resolved r = sources(true).resolve(List.of("/nowhere/at/all"),
                List.of(list, root.resolve("absent.txt")));
        assertEquals(List.of("org/team/app", "org/team/lib.git"), ids(r, root));
        assertEquals(List.of("/nowhere/at/all: no such folder", "repos.txt:5: org/missing: no such folder",
                "repos.txt:6: notes.txt: a file, not a folder or repository (a list of repositories is read with"
                        + " --repos-from)", "absent.txt: no such file"), lines(r, root));
    }

    @Test
    void folderWithoutRepositoriesIsAFailure() throws Exception {
        Path empty = Files.createDirectories(root.resolve("empty/sub"));
        RepositorySources.Resolved r = sources(true).resolve(List.of(empty.toString()), List.of());
        assertEquals(List.of("empty/sub: no git repository in this folder (searched 6 levels deep)"),
                lines(r, root));
    }

    @Test
    void cloneUrlsAreMirroredThenFetched() throws Exception {
        String url = org.resolve("team/app").toUri().toString();
        RepositorySources.Resolved first = sources(false).resolve(List.of(url), List.of());
        assertEquals(List.of(), first.failures());
        ScanTarget target = first.targets().get(0);
        assertEquals(org.resolve("team/app").toRealPath().toString(), target.id());
        assertTrue(target.gitDir().startsWith(cache.toRealPath()), target.gitDir().toString());
        assertTrue(target.gitDir().getFileName().toString().matches("app-[0-9a-f]{12}\\.git"), target.gitDir().toString());
        assertEquals(url, target.location());
        try (Git upstream = Git.open(org.resolve("team/app").toFile())) {
            upstream.branchCreate().setName("side").call();
        }
        RepositorySources.Resolved second = sources(false).resolve(List.of(url + "/"), List.of());
        assertEquals(target.gitDir(), second.targets().get(0).gitDir(), "the same mirror");
        try (Repository mirror = second.targets().get(0).open()) {
            assertTrue(mirror.isBare());
            assertTrue(mirror.resolve("refs/heads/side") != null, "fetched the new branch");
        }
        try (Stream<Path> mirrors = Files.list(cache)) {
            assertEquals(1, mirrors.count(), "no partial clone left behind");
        }
    }

    @Test
    void offlineUsesExistingMirrorsAndClonesNothing() throws Exception {
        String app = org.resolve("team/app").toUri().toString();
        String lib = org.resolve("team/lib.git").toUri().toString();
        sources(false).resolve(List.of(app), List.of());
        RepositorySources.Resolved r = sources(true).resolve(List.of(app, lib), List.of());
        assertEquals(List.of("org/team/app"), ids(r, root));
        assertEquals(List.of(lib + ": not mirrored yet, and --offline forbids cloning it (mirrors are kept in "
                + cache + ")"), r.failures().stream().map(RepositorySources.Failure::line).toList());
    }

    @Test
    void unreachableAndPasswordUrlsAreOneLineFailures() throws Exception {
        String missing = root.resolve("gone.git").toUri().toString();
        RepositorySources.Resolved r = sources(false).resolve(List.of(missing,
                "https://bot:hunter2@git.example/team/app.git"), List.of());
        assertEquals(List.of(), r.targets());
        List<String> lines = r.failures().stream().map(RepositorySources.Failure::line).toList();
        assertEquals("https://git.example/team/app.git: a password in a clone URL would be kept in logs and the"
                + " store; give the URL without it and the password in ~/.netrc", lines.get(0));
        assertEquals(missing + ": cannot clone: no repository at this URL", lines.get(1));
    }

    @Test
    void onlyTheShardsOwnRepositoriesAreCloned() throws Exception {
        List<String> urls = Stream.of("team/app", "team/lib.git", "deep/a/b/c/d/far")
                .map(p -> org.resolve(p).toUri().toString()).toList();
        int total = 0;
        for (int i = 0; i < 2; i++) {
            Path shardCache = root.resolve("cache-" + i);
            RepositorySources.Resolved r = new RepositorySources(new Mirrors(shardCache), false, 1)
                    .resolve(urls, List.of(), new Shards.Shard(i, 2));
            for (ScanTarget t : r.targets()) {
                assertEquals(i, Shards.shardOf(t.id(), 2));
            }
            long cloned = Files.exists(shardCache) ? Files.list(shardCache).count() : 0;
            assertEquals(r.targets().size(), cloned, "shard " + i + " cloned only its own");
            total += r.targets().size();
        }
        assertEquals(3, total);
    }
}
