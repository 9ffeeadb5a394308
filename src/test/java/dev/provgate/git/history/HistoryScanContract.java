// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Exposure;
import dev.provgate.model.ProvgateException;
import dev.provgate.store.InventoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History scans into a store, asserting exact intervals. Subclasses say where the store lives (SQLite here, a
 * PostgreSQL server where one runs), so the same cases run on both.
 */
abstract class HistoryScanContract {
    static final String ALICE = "Alice Example <alice@example.test>";
    static final String BOB = "Bob Example <bob@example.test>";
    static final String CAROL = "Carol Example <carol@example.test>";
    static final String DAVE = "Dave Example <dave@example.test>";
    static final String ERIN = "Erin Example <erin@example.test>";

    @TempDir
    Path tmp;
    InventoryStore store;

    /** A fresh, empty store for one test. */
    abstract String newStoreLocation(Path tmp) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = InventoryStore.open(newStoreLocation(tmp));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Map<String, String> req(String... lines) {
        return Map.of("requirements.txt", String.join("\n", lines) + "\n");
    }

    HistoryScanner.Outcome scan(HistoryRepo repo, String... refPatterns) {
        HistoryScanner scanner = new HistoryScanner(HistoryScanner.lockfileParsers(), new RefPatterns(List.of(refPatterns)));
        HistoryScanner.Outcome outcome = scanner.scan(new ScanTarget(repo.dir().toString(), repo.dir(),
                repo.dir().getFileName().toString()), store);
        store.write(outcome.scan());
        return outcome;
    }

    /** {@code ref version introduced-subject [via merge-subject] -> removed-subject|tip @ lockfile:line}. */
    List<String> exposures(String pkg) {
        return store.exposures(List.of(pkg)).stream().map(HistoryScanContract::describe).toList();
    }

    static List<String> version(List<String> described, String version) {
        return described.stream().filter(d -> d.split(" ")[1].equals(version)).toList();
    }

    static String describe(Exposure e) {
        var i = e.interval();
        return i.ref().replace("refs/heads/", "") + " " + i.version() + " " + e.introduced().subject()
                + (i.merge() == null ? "" : " via " + i.merge().substring(0, 7)) + " -> "
                + (e.removed() == null ? "tip" : e.removed().subject()) + " @ " + i.lockfile() + ":" + i.line();
    }

    /** The incident: bumped in and rolled back inside the window, a side branch, a merged-then-deleted branch. */
    record Incident(HistoryRepo repo, RevCommit bump, RevCommit rollback, RevCommit feature, RevCommit hotfix,
                    RevCommit merge, RevCommit pinBack, RevCommit legacy) {
    }

    static Incident incident(Path dir) throws Exception {
        HistoryRepo repo = HistoryRepo.bare(dir);
        RevCommit start = repo.commit("start", ALICE, "2026-03-20T09:00:00+02:00", req("litellm==1.82.6"));
        RevCommit bump = repo.commit("bump litellm", BOB, "2026-03-24T06:00:00-05:00", req("litellm==1.82.8"),
                start);
        RevCommit rollback = repo.commit("roll back litellm", CAROL, "2026-03-24T12:30:00Z",
                req("litellm==1.82.6"), bump);
        RevCommit feature = repo.commit("try 1.82.7", DAVE, "2026-03-24T14:00:00+01:00", req("litellm==1.82.7"),
                rollback);
        RevCommit hotfix = repo.commit("hotfix: litellm 1.82.8", ERIN, "2026-03-24T14:00:00Z",
                req("litellm==1.82.8"), rollback);
        RevCommit merge = repo.commit("Merge branch 'hotfix'", ALICE, "2026-03-24T15:00:00Z", req("litellm==1.82.8"),
                rollback, hotfix);
        RevCommit pinBack = repo.commit("pin litellm back", BOB, "2026-03-24T17:00:00Z", req("litellm==1.82.6"),
                merge);
        RevCommit legacy = repo.commit("legacy: add idna", CAROL, "2026-03-25T08:00:00+05:30",
                req("litellm==1.82.8", "idna==3.7"), bump);
        repo.branch("main", pinBack).branch("feature/x", feature).branch("legacy", legacy)
                .ref("refs/remotes/origin/main", pinBack);
        Git.wrap(repo.repository()).tag().setName("v1.0").setAnnotated(true).setMessage("release")
                .setTagger(new org.eclipse.jgit.lib.PersonIdent("Alice Example", "alice@example.test"))
                .setObjectId(rollback).call();
        return new Incident(repo, bump, rollback, feature, hotfix, merge, pinBack, legacy);
    }

    @Test
    void bumpsRollbacksSideBranchesAndMergedDeletedBranch() throws Exception {
        Incident inc = incident(tmp.resolve("acme.git"));
        scan(inc.repo());
        assertEquals(List.of(
                "legacy 1.82.8 bump litellm -> tip @ requirements.txt:1",
                "main 1.82.8 bump litellm -> roll back litellm @ requirements.txt:1",
                "main 1.82.8 hotfix: litellm 1.82.8 via " + inc.merge().name().substring(0, 7)
                        + " -> pin litellm back @ requirements.txt:1"),
                version(exposures("pkg:pypi/litellm"), "1.82.8"));
        assertEquals(List.of("refs/heads/feature/x", "refs/heads/legacy", "refs/heads/main", "refs/tags/v1.0"),
                store.exposures(List.of("pkg:pypi/litellm")).stream().map(e -> e.interval().ref()).distinct()
                        .sorted().toList(), "origin/main, at main's commit, is not reported again");
        assertEquals(List.of("feature/x 1.82.7 try 1.82.7 -> tip @ requirements.txt:1"),
                version(exposures("pkg:pypi/litellm"), "1.82.7"));
    }

    @Test
    void exactCommitsAuthorsAndUtcTimes() throws Exception {
        Incident inc = incident(tmp.resolve("acme.git"));
        scan(inc.repo());
        Exposure merged = store.exposures(List.of("pkg:pypi/litellm")).stream()
                .filter(e -> inc.hotfix().name().equals(e.interval().introduced())).findFirst().orElseThrow();
        assertEquals("refs/heads/main", merged.interval().ref());
        assertEquals("pkg:pypi/litellm@1.82.8", merged.interval().purl());
        assertEquals(inc.merge().name(), merged.interval().merge());
        assertEquals(inc.pinBack().name(), merged.interval().removed());
        assertEquals("Erin Example <erin@example.test>", merged.introduced().author());
        assertEquals("2026-03-24T14:00:00Z", merged.introduced().committed().toString());
        assertEquals("2026-03-24T17:00:00Z", merged.removed().committed().toString());
        Exposure first = store.exposures(List.of("pkg:pypi/litellm")).stream()
                .filter(e -> inc.bump().name().equals(e.interval().introduced())
                        && e.interval().ref().equals("refs/heads/main")).findFirst().orElseThrow();
        assertEquals("2026-03-24T11:00:00Z", first.introduced().committed().toString(), "-05:00 read as UTC");
        assertEquals(-300, first.introduced().commitOffset());
        assertEquals("Bob Example <bob@example.test>", first.introduced().committer());
        assertEquals(inc.rollback().name(), first.interval().removed());
        assertEquals(List.of(inc.bump().getParent(0).name()), first.introduced().parents());
    }

    @Test
    void branchRolledBackBeforeItsMergeStillShowsThroughTheMerge() throws Exception {
        HistoryRepo repo = HistoryRepo.bare(tmp.resolve("side.git"));
        RevCommit start = repo.commit("start", ALICE, "2026-03-24T09:00:00Z", req("litellm==1.82.6"));
        RevCommit in = repo.commit("try 1.82.7", BOB, "2026-03-24T11:00:00Z", req("litellm==1.82.7"), start);
        RevCommit out = repo.commit("back to 1.82.6", BOB, "2026-03-24T11:30:00Z", req("litellm==1.82.6",
                "idna==3.7"), in);
        RevCommit main = repo.commit("docs", ALICE, "2026-03-24T10:00:00Z", Map.of("requirements.txt",
                "litellm==1.82.6\n", "README", "x"), start);
        RevCommit merge = repo.commit("Merge branch 'try'", ALICE, "2026-03-24T12:00:00Z", Map.of(
                "requirements.txt", "litellm==1.82.6\nidna==3.7\n", "README", "x"), main, out);
        repo.branch("main", merge);
        scan(repo);
        assertEquals(List.of("main 1.82.7 try 1.82.7 via " + merge.name().substring(0, 7) + " -> back to 1.82.6"
                + " @ requirements.txt:1"), version(exposures("pkg:pypi/litellm"),
                "1.82.7"));
        assertEquals(List.of("main 3.7 back to 1.82.6 via " + merge.name().substring(0, 7) + " -> tip"
                + " @ requirements.txt:2"), exposures("pkg:pypi/idna"));
    }

    @Test
    void lockfileMovedToAnotherPathKeepsOneInterval() throws Exception {
        HistoryRepo repo = HistoryRepo.bare(tmp.resolve("moved.git"));
        RevCommit a = repo.commit("add litellm", ALICE, "2026-03-24T10:00:00Z", req("litellm==1.82.7"));
        RevCommit b = repo.commit("move into app/", ALICE, "2026-03-24T11:00:00Z", Map.of("app/requirements.txt",
                "# app\nlitellm==1.82.7\n"), a);
        RevCommit c = repo.commit("drop litellm", BOB, "2026-03-24T18:00:00Z", Map.of("app/requirements.txt",
                "# app\n"), b);
        repo.branch("main", c);
        scan(repo);
        assertEquals(List.of("main 1.82.7 add litellm -> drop litellm @ app/requirements.txt:2"),
                exposures("pkg:pypi/litellm"));
    }

    static final String PACKAGE_LOCK = """
            {"name": "web", "lockfileVersion": 3, "requires": true, "packages": {
              "": {"name": "web", "dependencies": {"wrapper": "^1.0.0"}},
              "node_modules/wrapper": {"version": "1.0.0",
                "resolved": "https://npm.registry.invalid/wrapper/-/wrapper-1.0.0.tgz",
                "dependencies": {"left-pad": "^1.3.0"}},
              "node_modules/left-pad": {"version": "%s",
                "resolved": "https://npm.registry.invalid/left-pad/-/left-pad-%s.tgz"}
            }}
            """;

    static final String POETRY_LOCK = """
            [[package]]
            name = "LiteLLM"
            version = "%s"
            description = ""
            optional = false
            python-versions = "*"
            groups = ["main"]
            files = []

            [metadata]
            lock-version = "2.1"
            python-versions = "^3.9"
            content-hash = "0"
            """;

    @Test
    void severalFormatsAndATransitivePackage() throws Exception {
        HistoryRepo repo = HistoryRepo.bare(tmp.resolve("formats.git"));
        RevCommit a = repo.commit("web and api", ALICE, "2026-03-24T10:00:00Z", Map.of(
                "web/package-lock.json", PACKAGE_LOCK.formatted("1.3.0", "1.3.0"),
                "api/poetry.lock", POETRY_LOCK.formatted("1.82.8")));
        RevCommit b = repo.commit("upgrade left-pad", BOB, "2026-03-24T12:00:00Z", Map.of(
                "web/package-lock.json", PACKAGE_LOCK.formatted("1.3.1", "1.3.1"),
                "api/poetry.lock", POETRY_LOCK.formatted("1.82.8")), a);
        repo.branch("main", b);
        scan(repo);
        assertEquals(List.of("main 1.3.0 web and api -> upgrade left-pad @ web/package-lock.json:6",
                "main 1.3.1 upgrade left-pad -> tip @ web/package-lock.json:6"), exposures("pkg:npm/left-pad"));
        assertEquals(List.of("main 1.82.8 web and api -> tip @ api/poetry.lock:1"), exposures("pkg:pypi/litellm"));
    }

    @Test
    void rescanWithNothingChangedWalksNothingAndChangesNothing() throws Exception {
        Incident inc = incident(tmp.resolve("acme.git"));
        HistoryScanner.Outcome first = scan(inc.repo());
        assertFalse(first.unchanged());
        assertEquals(8, first.commits());
        assertEquals(8, first.diffed());
        Map<String, Long> counts = store.counts();
        HistoryScanner.Outcome second = scan(inc.repo());
        assertTrue(second.unchanged());
        assertEquals(0, second.commits());
        assertEquals(counts, store.counts());
    }

    @Test
    void movedTipParsesOnlyNewBlobsAndReplacesIntervals() throws Exception {
        Incident inc = incident(tmp.resolve("acme.git"));
        scan(inc.repo());
        RevCommit again = inc.repo().commit("litellm 1.82.8 again", DAVE, "2026-03-26T10:00:00Z",
                req("litellm==1.82.8"), inc.pinBack());
        inc.repo().branch("main", again);
        HistoryScanner.Outcome second = scan(inc.repo());
        assertEquals(List.of(), second.scan().blobs(), "every blob was parsed by the first scan");
        assertEquals(9, second.commits());
        assertEquals(1, second.diffed(), "only the new commit is compared with its parent");
        HistoryScanner.Outcome fresh = new HistoryScanner(HistoryScanner.lockfileParsers(), new RefPatterns(List.of()))
                .scan(new ScanTarget("fresh", inc.repo().dir(), "fresh"), store);
        assertEquals(fresh.scan().intervals(), second.scan().intervals(), "the same as a scan from scratch");
        assertEquals(List.of(
                "legacy 1.82.8 bump litellm -> tip @ requirements.txt:1",
                "main 1.82.8 bump litellm -> roll back litellm @ requirements.txt:1",
                "main 1.82.8 hotfix: litellm 1.82.8 via " + inc.merge().name().substring(0, 7)
                        + " -> pin litellm back @ requirements.txt:1",
                "main 1.82.8 litellm 1.82.8 again -> tip @ requirements.txt:1"),
                version(exposures("pkg:pypi/litellm"), "1.82.8"));
    }

    @Test
    void shallowCloneIsScannedAndMarkedTruncated() throws Exception {
        Incident inc = incident(tmp.resolve("acme.git"));
        Path clone = tmp.resolve("shallow.git");
        Git.cloneRepository().setURI(inc.repo().dir().toUri().toString()).setBare(true).setDepth(2)
                .setBranchesToClone(List.of("refs/heads/main")).setBranch("refs/heads/main")
                .setDirectory(clone.toFile()).call().close();
        HistoryScanner.Outcome outcome = scan(HistoryRepo.open(clone), "refs/heads/main");
        assertTrue(outcome.scan().truncated());
        List<Exposure> found = store.exposures(List.of("pkg:pypi/litellm"));
        assertEquals(List.of("main 1.82.6 pin litellm back -> tip @ requirements.txt:1",
                "main 1.82.8 Merge branch 'hotfix' -> pin litellm back @ requirements.txt:1"), found.stream()
                .map(HistoryScanContract::describe).toList(), "history before the merge is cut off");
        assertTrue(found.stream().allMatch(Exposure::truncated));
    }

    @Test
    void corruptObjectsFailWithOneLineNamingTheRepository() throws Exception {
        Incident inc = incident(tmp.resolve("acme.git"));
        String blob = inc.repo().repository().resolve(inc.bump().name() + ":requirements.txt").name();
        Files.delete(inc.repo().dir().resolve("objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2)));
        ProvgateException e = assertThrows(ProvgateException.class, () -> scan(inc.repo()));
        assertEquals("acme.git: cannot read the repository: missing object " + blob
                + " (the repository is corrupt or incomplete)",
                e.userMessage());
        assertEquals(Map.of(), store.tips(inc.repo().dir().toString()), "nothing stored for it");
    }

    @Test
    void garbageHeadAndNoMatchingRef() throws Exception {
        Incident inc = incident(tmp.resolve("acme.git"));
        assertThrows(NothingToScanException.class, () -> scan(inc.repo(), "refs/heads/nope/*"));
        ProvgateException bad = assertThrows(ProvgateException.class, () -> new RefPatterns(List.of("main")));
        assertEquals("unknown ref pattern 'main': patterns start with refs/, e.g. refs/heads/* or refs/tags/v2.*",
                bad.userMessage());
    }
}
