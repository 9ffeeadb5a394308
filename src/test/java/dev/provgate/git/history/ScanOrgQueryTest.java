// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import dev.provgate.store.InventoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate scan-org} then {@code provgate query}, as a user runs them on a folder of repositories. */
class ScanOrgQueryTest {
    static final String WINDOW_START = "2026-03-24T10:39:00Z";
    static final String WINDOW_END = "2026-03-24T16:00:00Z";

    @TempDir
    Path tmp;
    Path org;
    String db;
    HistoryScanContract.Incident incident;

    @BeforeEach
    void organisation() throws Exception {
        org = tmp.resolve("org");
        incident = HistoryScanContract.incident(org.resolve("acme.git"));
        try (HistoryRepo clean = HistoryRepo.bare(org.resolve("clean.git"))) {
            clean.branch("main", clean.commit("start", HistoryScanContract.ALICE, "2026-03-01T10:00:00Z",
                    HistoryScanContract.req("idna==3.7")));
        }
        db = tmp.resolve("inventory.sqlite").toString();
    }

    CliRunner.Result query(String... args) {
        List<String> all = new ArrayList<>(List.of("query", "--db", db, "--db-dir", tmp.resolve("no-advisories")
                .toString()));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    @Test
    void theIncidentQuestion() throws Exception {
        CliRunner.Result scan = CliRunner.run("scan-org", "--db", db, org.toString());
        assertEquals(0, scan.exitCode(), scan.err());
        assertEquals("scan-org: 2 scanned (0 unchanged), 0 skipped, 0 failed; 9 commits walked, 5 lockfile blobs "
                + "parsed; store " + db + "\n", scan.out());

        CliRunner.Result r = query("--between", WINDOW_START, WINDOW_END, "--format", "json",
                "pkg:pypi/litellm@1.82.8");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode exposures = new ObjectMapper().readTree(r.out()).get("exposures");
        List<String> found = new ArrayList<>();
        exposures.forEach(e -> found.add(e.get("ref").asText() + " " + e.get("introduced").get("subject").asText()
                + " " + e.get("removed").path("time").asText("still locked")));
        assertEquals(List.of("refs/heads/legacy bump litellm still locked",
                "refs/heads/main bump litellm 2026-03-24T12:30:00Z",
                "refs/heads/main hotfix: litellm 1.82.8 2026-03-24T17:00:00Z"), found);
        JsonNode merged = exposures.get(2);
        assertEquals("acme.git", Path.of(merged.get("repository").asText()).getFileName().toString());
        assertEquals("pkg:pypi/litellm@1.82.8", merged.get("purl").asText());
        assertEquals("requirements.txt", merged.get("lockfile").asText());
        assertEquals(1, merged.get("line").asInt());
        assertEquals(incident.hotfix().name(), merged.get("introduced").get("commit").asText());
        assertEquals(incident.merge().name(), merged.get("introduced").get("merge").asText());
        assertEquals("2026-03-24T14:00:00Z", merged.get("introduced").get("time").asText());
        assertEquals("Erin Example <erin@example.test>", merged.get("introduced").get("author").asText());
        assertEquals(incident.pinBack().name(), merged.get("removed").get("commit").asText());
    }

    @Test
    void timesWithOffsetsRefsRangesAndAdvisories() {
        CliRunner.run("scan-org", "--db", db, org.toString());
        CliRunner.Result at = query("--at", "2026-03-24T15:30:00+02:00", "--format", "csv", "pkg:pypi/litellm");
        assertEquals(1, at.exitCode(), at.err());
        assertEquals(List.of("refs/heads/feature/x,pkg:pypi/litellm@1.82.7", "refs/heads/legacy,pkg:pypi/litellm@1.82.8",
                "refs/heads/main,pkg:pypi/litellm@1.82.6", "refs/tags/v1.0,pkg:pypi/litellm@1.82.6"), at.out().lines().skip(1)
                .map(l -> l.split(",")[1] + "," + l.split(",")[2]).toList(), "13:30 UTC: rolled back on main, the hotfix not yet committed");
        CliRunner.Result ref = query("--ref", "feature/*", "pkg:pypi/litellm", "vers:pypi/>=1.82.7|<=1.82.8");
        assertEquals(1, ref.exitCode(), ref.err());
        assertTrue(ref.out().endsWith("1 exposure in 1 repository\n"), ref.out());
        CliRunner.Result advisory = query("--between", WINDOW_START, WINDOW_END, "--advisory", "PYSEC-2026-2");
        assertEquals(1, advisory.exitCode(), advisory.err());
        assertTrue(advisory.out().endsWith("4 exposures in 1 repository\n"), advisory.out());
        CliRunner.Result any = query("--between", WINDOW_START, WINDOW_END, "--any-advisory");
        assertEquals(advisory.out(), any.out(), "the built-in snapshot knows no advisory for idna 3.7");
        CliRunner.Result none = query("--between", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z",
                "pkg:pypi/litellm@1.82.8");
        assertEquals(0, none.exitCode(), none.err());
        assertEquals("no exposures\n", none.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliRunner.Result vers = query("vers:pypi/>=1.82.7");
        assertEquals(2, vers.exitCode());
        assertEquals("provgate: 'vers:pypi/>=1.82.7': a vers: range says which versions, not which package; put "
                + "the package's purl without version before it (pkg:pypi/litellm vers:pypi/>=1.82.7)\n", vers.err());
        CliRunner.Result time = query("--at", "2026-03-24", "pkg:pypi/litellm");
        assertEquals(2, time.exitCode());
        assertTrue(time.err().contains("'2026-03-24' is not an RFC 3339 time with an offset"), time.err());
        CliRunner.Result unknown = query("--advisory", "GHSA-none-none-none");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("provgate: --advisory GHSA-none-none-none: not in the advisory database"),
                unknown.err());
    }

    @Test
    void brokenAndEmptyRepositoriesAreCountedAndTheRestScanned() throws Exception {
        Git.init().setBare(true).setDirectory(org.resolve("empty.git").toFile()).call().close();
        Path corrupt = org.resolve("corrupt.git");
        String tree;
        try (HistoryRepo repo = HistoryRepo.bare(corrupt)) {
            var c = repo.commit("start", HistoryScanContract.ALICE, "2026-03-01T10:00:00Z",
                    HistoryScanContract.req("idna==3.7"));
            repo.branch("main", c);
            tree = c.getTree().name();
            Files.delete(corrupt.resolve("objects").resolve(tree.substring(0, 2)).resolve(tree.substring(2)));
        }
        CliRunner.Result r = CliRunner.run("scan-org", "--db", db, org.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().startsWith("scan-org: 2 scanned (0 unchanged), 1 skipped, 1 failed;"), r.out());
        assertEquals(List.of("provgate: scan-org: " + corrupt + ": cannot read the repository: missing object "
                        + tree + " (the repository is corrupt or incomplete)",
                "provgate: scan-org: " + org.resolve("empty.git") + ": empty repository: no commits (skipped)"),
                r.err().lines().toList());
        CliRunner.Result keepGoing = CliRunner.run("scan-org", "--keep-going", "--db", db, org.toString());
        assertEquals(0, keepGoing.exitCode(), keepGoing.err());
        assertTrue(keepGoing.out().startsWith("scan-org: 2 scanned (2 unchanged), 1 skipped, 1 failed; 0 commits "
                + "walked"), keepGoing.out());
    }

    @Test
    void aWorkTreeWithAGarbageHeadIsOneLine() throws Exception {
        Path work = org.resolve("garbage");
        Git.init().setDirectory(work.toFile()).call().close();
        Files.writeString(work.resolve(".git/HEAD"), "not a ref\n");
        CliRunner.Result r = CliRunner.run("scan-org", "--db", db, org.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertEquals(List.of("provgate: scan-org: " + work + ": cannot open the git repository: its .git is not a "
                + "valid repository (HEAD missing or not a ref or commit)"), r.err().lines().toList());
        assertTrue(r.out().startsWith("scan-org: 2 scanned (0 unchanged), 0 skipped, 1 failed;"), r.out());
    }

    @Test
    void aBareRepositoryWithAGarbageHeadIsScannedThroughItsBranchesWithOneLine() throws Exception {
        Path bare = org.resolve("headless.git");
        try (HistoryRepo repo = HistoryRepo.bare(bare)) {
            repo.branch("main", repo.commit("start", HistoryScanContract.ALICE, "2026-03-24T12:00:00Z",
                    HistoryScanContract.req("litellm==1.82.8")));
        }
        Files.writeString(bare.resolve("HEAD"), "not a ref\n");
        CliRunner.Result r = CliRunner.run("scan-org", "--db", db, org.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("provgate: scan-org: " + bare + ": HEAD is not a branch or commit: every selected ref "
                + "was scanned, none as the default branch"), r.err().lines().toList());
        CliRunner.Result q = query("pkg:pypi/litellm@1.82.8");
        assertEquals(1, q.exitCode(), q.err());
        assertTrue(q.out().contains(bare + "  refs/heads/main  pkg:pypi/litellm@1.82.8"), q.out());
    }

    @Test
    void aStoreNothingWasScannedIntoIsAnInputErrorNotNoExposures() {
        Path missing = tmp.resolve("never/inventory.sqlite");
        CliRunner.Result r = CliRunner.run("query", "--db", missing.toString(), "pkg:pypi/litellm");
        assertEquals(2, r.exitCode(), r.out());
        assertEquals("provgate: " + missing + ": no inventory store here: run 'provgate scan-org --db " + missing
                + " SOURCE...' first\n", r.err());
        assertTrue(Files.notExists(missing.getParent()), "query creates nothing");

        InventoryStore.open(db).close();
        CliRunner.Result empty = query("pkg:pypi/litellm");
        assertEquals(2, empty.exitCode(), empty.out());
        assertEquals("provgate: " + db + ": the inventory store holds no scanned repository: run 'provgate "
                + "scan-org --db " + db + " SOURCE...' first\n", empty.err());
    }
}
