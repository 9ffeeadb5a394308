// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate diff}: revisions, the working tree, two lockfiles; text, JSON and Markdown. */
class DiffCommandTest {
    static final String GOOD = "0a7d8d5c1a0f0e5d6c3b2a19087f6e5d4c3b2a190f8e7d6c5b4a3928170f6e5d";
    static final String OTHER = "1b8e9e6d2b1f1f6e7d4c3b2a198f7e6d5c4b3a2a1f9e8d7c6b5a4b3a291f7e6d";
    static final String BASE = "litellm==1.82.6 --hash=sha256:" + GOOD + "\nrequests==2.31.0\nidna==3.6\nsix==1.16.0\n";
    static final String HEAD = "litellm==1.82.6 --hash=sha256:" + OTHER + "\nrequests==2.32.0\nidna==3.5\n"
            + "urllib3==2.0.0\n";
    static final String POLICY = """
            version: 1
            default_tier: critical
            tiers:
              0:
                name: critical
              1:
                name: product
            rules:
              - scope: dev
                tier: product
            """;

    @TempDir
    Path dir;

    static String npmLock(String resolvedHost, boolean dev) {
        return """
                {"name": "app", "lockfileVersion": 3, "requires": true, "packages": {
                  "": {"name": "app", "dependencies": {"left-pad": "1.3.0"}},
                  "node_modules/left-pad": {"version": "1.3.0",
                    "resolved": "https://%s/left-pad/-/left-pad-1.3.0.tgz",
                    "integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQO2NVqs2c9Ps5I8Y2QW5T7YL4r0lTu/1e1xsOoE6Km2JJMQ==" %s}
                }}
                """.formatted(resolvedHost, dev ? ", \"dev\": true" : "");
    }

    private CliRunner.Result diff(String... args) {
        List<String> all = new ArrayList<>(List.of("diff", "-C", dir.toString(), "--no-policy"));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(String[]::new));
    }

    @Test
    void betweenRevisionsEveryKindOfMoveIsListedPerLockfile() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", BASE).stage("old/requirements.txt", "six==1.16.0\n")
                    .stage("web/package-lock.json", npmLock("npm.registry.invalid", false)).commit("base");
            repo.branch("change").stage("requirements.txt", HEAD)
                    .stage("web/package-lock.json", npmLock("mirror.registry.invalid", false));
            Files.delete(dir.resolve("old/requirements.txt"));
            new org.eclipse.jgit.api.Git(org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(
                    dir.resolve(".git").toFile())).rm().addFilepattern("old/requirements.txt").call();
            repo.commit("change");

            CliRunner.Result text = diff("main", "change");
            assertEquals(0, text.exitCode(), text.err());
            assertEquals("""
                    requirements.txt
                      downgraded      idna 3.6 -> 3.5
                      digest changed  litellm@1.82.6  (new sha256:1b8e9e6d2b1f1f6e..., locked before: sha256:0a7d8d5c1a0f0e5d...)
                      upgraded        requests 2.31.0 -> 2.32.0
                      removed         six@1.16.0
                      added           urllib3@2.0.0
                    web/package-lock.json
                      source changed  left-pad@1.3.0  (registry https://npm.registry.invalid/left-pad/-/left-pad-1.3.0.tgz -> registry https://mirror.registry.invalid/left-pad/-/left-pad-1.3.0.tgz)
                    old/requirements.txt
                      removed         six@1.16.0
                    1 added, 2 removed, 1 upgraded, 1 downgraded, 1 digest changed, 1 source changed in 3 of 3 lockfiles
                    """, text.out());

            JsonNode json = new ObjectMapper().readTree(diff("main", "change", "--format", "json").out());
            assertEquals(2, json.get("summary").get("removed").asInt());
            JsonNode litellm = json.get("lockfiles").get(0).get("changes").get(1);
            assertEquals("digest-changed", litellm.get("kind").asText());
            assertEquals("sha256:" + GOOD, litellm.get("before").get("digests").get(0).asText());
            assertEquals("sha256:" + OTHER, litellm.get("after").get("digests").get(0).asText());

            String markdown = diff("main", "change", "--format", "markdown").out();
            assertTrue(markdown.startsWith("### provgate diff: `main` to `change`\n"), markdown);
            assertTrue(markdown.contains("| upgraded | requests | 2.31.0 | 2.32.0 |  |\n"), markdown);
            assertEquals(markdown, diff("main", "change", "--format", "markdown").out(), "same input, same bytes");
        }
    }

    @Test
    void withoutHeadTheWorkingTreeIsCompared() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", BASE).commit("base");
            assertTrue(diff("main").out().startsWith("No package changes in 1 lockfile"), diff("main").out());
            repo.write("requirements.txt", BASE + "urllib3==2.0.0\n");
            CliRunner.Result r = diff("main");
            assertEquals(dir.resolve("requirements.txt") + "\n  added           urllib3@2.0.0\n1 added in 1 of 1 lockfile\n",
                    r.out(), "working-tree lockfiles are shown as found, like check shows them");
        }
    }

    @Test
    void aPackageThatBecameARuntimeDependencyChangesTier() throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("package-lock.json", npmLock("npm.registry.invalid", true)).commit("dev only");
            repo.write("package-lock.json", npmLock("npm.registry.invalid", false));
            Path policy = Files.writeString(dir.resolve("tiers.yaml"), POLICY);
            CliRunner.Result r = CliRunner.run("diff", "-C", dir.toString(), "--policy", policy.toString(), "main");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("tier changed    left-pad@1.3.0  (product -> critical)"), r.out());
        }
    }

    @Test
    void twoLockfilesAreComparedWhateverTheirNames() throws Exception {
        Path before = Files.writeString(Files.createDirectory(dir.resolve("a")).resolve("requirements.txt"), BASE);
        Path after = Files.writeString(Files.createDirectory(dir.resolve("b")).resolve("requirements-new.txt"), HEAD);
        CliRunner.Result r = CliRunner.run("diff", "--no-policy", before.toString(), after.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  upgraded        requests 2.31.0 -> 2.32.0\n"), r.out());
        CliRunner.Result alone = CliRunner.run("diff", "--no-policy", before.toString());
        assertEquals(2, alone.exitCode(), alone.out());
    }

    @Test
    void anUnknownRevisionIsAnInputError() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", BASE).commit("base");
            CliRunner.Result r = diff("no-such-branch");
            assertEquals(2, r.exitCode(), r.out());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }
}
