// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate scan-repos}: per-repository advisory checks and "since when" answers over history. */
class ScanReposTest {
    @TempDir
    Path root;

    /** team/app (working copy: litellm added by its second commit), team/lib (clean), mirrors/app.git (bare). */
    @BeforeEach
    void repositories() throws Exception {
        try (TestRepo app = TestRepo.init(root.resolve("team/app"))) {
            app.stage("requirements.txt", GitCheckTest.CLEAN).commit("start");
            app.stage("requirements.txt", GitCheckTest.CLEAN + GitCheckTest.COMPROMISED).commit("add litellm");
            app.stage("requirements.txt", GitCheckTest.CLEAN + GitCheckTest.COMPROMISED + "idna==3.7\n")
                    .commit("add idna");
        }
        try (TestRepo lib = TestRepo.init(root.resolve("team/lib"))) {
            lib.stage("web/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"\": {}}}").commit("lib");
        }
        Git.cloneRepository().setBare(true).setURI(root.resolve("team/app").toUri().toString())
                .setDirectory(root.resolve("mirrors/app.git").toFile()).call().close();
    }

    static List<JsonNode> lines(CliRunner.Result r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            out.add(new ObjectMapper().readTree(line));
        }
        return out;
    }

    static List<String> field(List<JsonNode> lines, String name) {
        return lines.stream().map(l -> l.path("repository").asText().replaceAll(".*/(\\w+/[\\w.]+)$", "$1") + " "
                + l.path(name)).toList();
    }

    @Test
    void checksEveryRepositoryAtHead() throws Exception {
        CliRunner.Result r = CliRunner.run("scan-repos", root.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(List.of("mirrors/app.git \"blocked\"", "team/app \"blocked\"", "team/lib \"passed\""),
                field(lines(r), "verdict"));
        assertEquals("pkg:pypi/litellm@1.82.8", lines(r).get(1).get("findings").get(0).get("purl").asText());
    }

    @Test
    void olderRefAndUnknownRef() throws Exception {
        CliRunner.Result first = CliRunner.run("scan-repos", "--ref", "HEAD~2", root.resolve("team/app").toString());
        assertEquals(0, first.exitCode(), first.out() + first.err());
        CliRunner.Result unknown = CliRunner.run("scan-repos", "--ref", "HEAD~2", root.toString());
        assertEquals(2, unknown.exitCode(), "team/lib has one commit");
        assertEquals("unknown git revision 'HEAD~2'",
                lines(unknown).get(2).get("error").asText().replaceAll(".*: ", ""));
    }

    @Test
    void packageSinceWhen() throws Exception {
        CliRunner.Result r = CliRunner.run("scan-repos", "--package", "LiteLLM@1.82.8", root.toString());
        assertEquals(1, r.exitCode(), r.err());
        List<JsonNode> lines = lines(r);
        assertEquals(List.of("mirrors/app.git true", "team/app true", "team/lib false"), field(lines, "present"));
        JsonNode since = lines.get(1).get("since");
        assertEquals("add litellm", since.get("subject").asText());
        assertEquals("2026-01-02T00:00:00Z", since.get("time").asText());
        assertEquals(false, since.get("bounded").asBoolean());
    }

    @Test
    void sinceBoundsTheWalk() throws Exception {
        CliRunner.Result r = CliRunner.run("scan-repos", "--package", "pkg:pypi/litellm@1.82.8", "--since",
                "2026-01-03", root.resolve("team").toString());
        JsonNode since = lines(r).get(0).get("since");
        assertEquals("add litellm", since.get("subject").asText(), "present at least since then; older not read");
        assertEquals(true, since.get("bounded").asBoolean());
    }

    @Test
    void badInput() {
        assertEquals(2, CliRunner.run("scan-repos", "--package", "litellm", root.toString()).exitCode());
        assertEquals(2, CliRunner.run("scan-repos", "--since", "2026-01-01", root.toString()).exitCode());
        assertEquals(2, CliRunner.run("scan-repos", root.resolve("team/app/.git/objects").toString()).exitCode(),
                "no repositories below");
    }
}
