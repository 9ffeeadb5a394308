// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advisories import} reads indicators.json's action_commits: a workflow pinned to one is blocked. */
class ActionCommitImportTest {
    private static final String BAD = "1234567890abcdef1234567890abcdef12345678";
    private static final String RECORD = """
            {"id": "GHSA-test-0001", "modified": "2099-01-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "GitHub Actions", "name": "acme/deploy"},
               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}]}],
             "database_specific": {"cwe_ids": ["CWE-506"]}}
            """;

    @TempDir
    Path dir;

    private Path tree(String commit) throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/osv/github-actions/acme:deploy"));
        Files.writeString(tree.resolve("GHSA-test-0001.json"), RECORD);
        Files.writeString(dir.resolve("tree/indicators.json"), """
                {"action_commits": [{"ecosystem": "GitHub Actions", "name": "acme/deploy", "commit": "%s",
                  "advisories": ["GHSA-test-0001"]}]}
                """.formatted(commit));
        return dir.resolve("tree");
    }

    private Path workflow(String ref) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project/.github/workflows"));
        Files.writeString(project.resolve("deploy.yml"), """
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: acme/deploy@%s # v2.1.0
                """.formatted(ref));
        return dir.resolve("project");
    }

    @Test
    void aWorkflowPinnedToAKnownBadCommitIsBlocked() throws IOException {
        Path db = dir.resolve("db");
        CliRunner.Result imported = CliRunner.run("advisories", "import", tree(BAD).toString(), "--db-dir",
                db.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        CliRunner.Result bad = CliRunner.run("check", "--no-policy", "--db-dir", db.toString(),
                workflow(BAD).toString());
        assertEquals(1, bad.exitCode(), bad.out() + bad.err());
        assertTrue(bad.out().contains("GHSA-test-0001: acme/deploy@" + BAD + " is a known-malicious version"),
                bad.out());
        CliRunner.Result fixed = CliRunner.run("check", "--no-policy", "--db-dir", db.toString(),
                workflow("v2.1.0").toString());
        assertEquals(0, fixed.exitCode(), fixed.out() + fixed.err());
    }

    @Test
    void anAbbreviatedCommitIsAnInputError() throws IOException {
        CliRunner.Result r = CliRunner.run("advisories", "import", tree("0e58ed8").toString(), "--db-dir",
                dir.resolve("db").toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("indicators.json") && r.err().contains("not a full commit SHA: 0e58ed8"),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
