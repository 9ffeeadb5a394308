// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static dev.provgate.git.GitCheckTest.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bypasses of issue 12, in every mode (working tree, --staged, --ref, --baseline): a locked digest swapped while
 * the version stays, a known-bad digest the baseline already had, and lockfiles hidden behind symbolic links.
 */
class GateIntegrityTest {
    /** The digest of the malicious litellm 1.82.8 wheel, known to the built-in advisory snapshot. */
    static final String BAD_WHEEL = "d2a0d5f564628773b6af7b9c11f6b86531a875bd2d186d7081ab62748a800ebb";
    static final String GOOD_WHEEL = "0a7d8d5c1a0f0e5d6c3b2a19087f6e5d4c3b2a190f8e7d6c5b4a3928170f6e5d";
    static final String OTHER_WHEEL = "1b8e9e6d2b1f1f6e7d4c3b2a198f7e6d5c4b3a2a1f9e8d7c6b5a4b3a291f7e6d";
    static final String EVENT_STREAM_LOCK = """
            {
              "name": "app",
              "lockfileVersion": 3,
              "requires": true,
              "packages": {
                "": {"name": "app", "dependencies": {"event-stream": "3.3.6"}},
                "node_modules/event-stream": {
                  "version": "3.3.6",
                  "resolved": "https://npm.registry.invalid/event-stream/-/event-stream-3.3.6.tgz",
                  "integrity": "sha512-dGXNg4F/FgVzlApjzItL+7naHutA3fDqbV/zAZqDDlXTjiMnQmZKu+prImWKszeBM5UQeGvAl3u1wBiKeDh61g=="
                }
              }
            }
            """;

    @TempDir
    Path dir;

    static String litellm(String digest) {
        return "litellm==1.82.6 \\\n    --hash=sha256:" + digest + "\n";
    }

    /** How the change reaches the gate. */
    enum Mode {
        WORKING_TREE_BASELINE, STAGED, REF_BASELINE;

        /** Puts {@code content} at {@code path} as this mode reads it (main holds the base), and runs check. */
        CliRunner.Result run(TestRepo repo, String path, String content, String... more) {
            List<String> options = new ArrayList<>(List.of(more));
            switch (this) {
                case WORKING_TREE_BASELINE -> {
                    repo.write(path, content);
                    options.addAll(List.of("--baseline", "main"));
                }
                case STAGED -> {
                    repo.stage(path, content);
                    options.add("--staged");
                }
                case REF_BASELINE -> {
                    repo.branch("change").stage(path, content).commit("the change");
                    options.addAll(List.of("--ref", "change", "--baseline", "main"));
                }
            }
            return check(repo.dir(), options.toArray(String[]::new));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void litellmKeepingItsVersionWithTheMaliciousWheelsDigestBlocks(Mode mode) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", litellm(GOOD_WHEEL)).commit("litellm 1.82.6");
            CliRunner.Result r = mode.run(repo, "requirements.txt", litellm(BAD_WHEEL));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(List.of("advisory/malicious", "change/digest-changed"), activeRules(r));
            assertTrue(r.out().contains("did not lock for this version"), r.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aDigestThatChangedWhileTheVersionDidNotBlocksOnItsOwn(Mode mode) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", litellm(GOOD_WHEEL)).commit("litellm 1.82.6");
            CliRunner.Result r = mode.run(repo, "requirements.txt", litellm(OTHER_WHEEL));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(List.of("change/digest-changed"), activeRules(r));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void theSameDigestsAgainIsNoFinding(Mode mode) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", litellm(GOOD_WHEEL)).commit("litellm 1.82.6");
            CliRunner.Result r = mode.run(repo, "requirements.txt", "# reordered\n" + litellm(GOOD_WHEEL));
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals(List.of(), activeRules(r));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aKnownBadDigestIsNeverInheritedFromTheBaseline(Mode mode) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", litellm(BAD_WHEEL)).commit("already bad on main");
            CliRunner.Result r = mode.run(repo, "requirements.txt", litellm(BAD_WHEEL) + "idna==3.7\n");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(List.of("advisory/malicious"), activeRules(r));
        }
    }

    @Test
    void plainCheckBlocksTheSwappedDigestToo() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", litellm(BAD_WHEEL)).commit("bad");
            CliRunner.Result r = check(dir);
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(1, check(dir, "--ref", "main").exitCode());
        }
    }

    /** How a symbolic link is read in each mode: the working tree, the index, a commit, against a baseline. */
    enum LinkMode {
        WORKING_TREE, STAGED, REF, BASELINE;

        CliRunner.Result run(TestRepo repo) {
            return switch (this) {
                case WORKING_TREE -> check(repo.dir());
                case STAGED -> check(repo.dir(), "--staged");
                case REF -> {
                    repo.commit("link");
                    yield check(repo.dir(), "--ref", "HEAD");
                }
                case BASELINE -> check(repo.dir(), "--baseline", "main");
            };
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LinkMode.class)
    void aLockfileThatIsASymbolicLinkIsReadAsItsTarget(LinkMode mode) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("README.md", "app\n").commit("start");
            repo.stage("vendor/lock.json", EVENT_STREAM_LOCK).link("package-lock.json", "vendor/lock.json");
            CliRunner.Result r = mode.run(repo);
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(List.of("advisory/malicious"), activeRules(r));
            assertTrue(r.out().contains("package-lock.json\""), r.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LinkMode.class)
    void aLinkInsideASubfolderFollowsRelativeTargets(LinkMode mode) {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("README.md", "app\n").commit("start");
            repo.stage("shared/locks/web.json", EVENT_STREAM_LOCK)
                    .link("web/package-lock.json", "../shared/locks/web.json");
            CliRunner.Result r = mode.run(repo);
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("web/package-lock.json\""), r.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LinkMode.class)
    void aLinkLeavingTheTreeIsAnInputErrorNamingIt(LinkMode mode) throws IOException {
        Path repoDir = Files.createDirectory(dir.resolve("repo"));
        Files.writeString(dir.resolve("outside.json"), EVENT_STREAM_LOCK);
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.stage("README.md", "app\n").commit("start");
            repo.link("package-lock.json", "../outside.json");
            CliRunner.Result r = mode.run(repo);
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().startsWith("provgate: "), r.err());
            assertTrue(r.err().contains("package-lock.json: symbolic link to ../outside.json"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void aLinkedLockfileUnchangedSinceTheBaselineIsPairedWithItself() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("vendor/lock.json", EVENT_STREAM_LOCK).link("package-lock.json", "vendor/lock.json")
                    .commit("linked");
            CliRunner.Result r = check(dir, "--baseline", "main");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals(List.of("already locked at main, not introduced by this change"),
                    GitCheckTest.suppressions(r));
        }
    }

    @Test
    void aLinkToAFileTheTreeLacksIsAnInputError() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("README.md", "app\n").commit("start");
            repo.link("package-lock.json", "vendor/missing.json").commit("dangling");
            CliRunner.Result r = check(dir, "--ref", "HEAD");
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("package-lock.json: symbolic link to vendor/missing.json"), r.err());
        }
    }

    @Test
    void aLinkToALockfileCheckedUnderItsOwnNameIsReadOnce() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("app/package-lock.json", EVENT_STREAM_LOCK).link("package-lock.json", "app/package-lock.json")
                    .commit("both");
            CliRunner.Result r = check(dir, "--ref", "HEAD");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(1, GitCheckTest.summary(r).get("lockfiles").asInt(), r.out());
        }
    }

    /** The rule ids of the active (not suppressed) findings, distinct and sorted. */
    static List<String> activeRules(CliRunner.Result r) {
        try {
            JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
            List<String> rules = new ArrayList<>();
            findings.forEach(f -> {
                if (f.get("suppression").isNull()) {
                    rules.add(f.get("ruleId").asText());
                }
            });
            return rules.stream().distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
