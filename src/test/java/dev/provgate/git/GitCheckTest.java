// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate check --staged / --ref / --baseline} on repositories built in a temp folder. */
class GitCheckTest {
    /** Known to the snapshot advisory database: the March 2026 LiteLLM compromise. */
    static final String COMPROMISED = "litellm==1.82.8\n";
    static final String CLEAN = "requests==2.31.0\n";

    @TempDir
    Path dir;

    static CliRunner.Result check(Path dir, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--no-policy", "--format", "json"));
        args.addAll(List.of(options));
        args.add(dir.toString());
        return CliRunner.run(args.toArray(String[]::new));
    }

    static JsonNode summary(CliRunner.Result r) {
        try {
            return new ObjectMapper().readTree(r.out()).get("summary");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct suppression reasons of the findings in a JSON report; "" for an active finding. */
    static List<String> suppressions(CliRunner.Result r) {
        try {
            JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
            List<String> reasons = new ArrayList<>();
            findings.forEach(f -> reasons.add(f.get("suppression").isNull() ? ""
                    : f.get("suppression").get("reason").asText()));
            return reasons.stream().distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void stagedReadsOnlyWhatIsStaged() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", CLEAN).commit("clean");
            repo.write("requirements.txt", COMPROMISED);
            CliRunner.Result unstaged = check(dir, "--staged");
            assertEquals(0, unstaged.exitCode(), unstaged.err());
            assertTrue(unstaged.err().contains("no staged lockfile changes"), unstaged.err());

            repo.stage("app/requirements.txt", "idna==3.7\n").write("app/requirements.txt", COMPROMISED);
            CliRunner.Result cleanStaged = check(dir, "--staged");
            assertEquals(0, cleanStaged.exitCode(), cleanStaged.out() + cleanStaged.err());
            assertTrue(cleanStaged.out().contains("\"app/requirements.txt\""), cleanStaged.out());
            assertFalse(cleanStaged.out().contains("\"requirements.txt\""), "unchanged lockfile not parsed");

            repo.stage("app/requirements.txt", COMPROMISED);
            CliRunner.Result compromised = check(dir, "--staged");
            assertEquals(1, compromised.exitCode(), compromised.out() + compromised.err());
            assertTrue(compromised.out().contains("pkg:pypi/litellm@1.82.8"), compromised.out());
        }
    }

    @Test
    void stagedBrokenLockfileIsAnInputErrorNamingIt() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("web/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {");
            CliRunner.Result r = check(dir, "--staged");
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().startsWith("provgate: web/package-lock.json"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void refReadsAnOlderCommit() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", COMPROMISED).commit("compromised").tag("v1");
            repo.stage("requirements.txt", CLEAN).commit("fixed");
            assertEquals(0, check(dir).exitCode());
            CliRunner.Result old = check(dir, "--ref", "v1");
            assertEquals(1, old.exitCode(), old.out() + old.err());
            assertEquals(1, check(dir, "--ref", "HEAD~1").exitCode());
            assertEquals(0, check(dir, "--ref", "main").exitCode());
            CliRunner.Result inventory = CliRunner.run("inventory", "--ref", "v1", dir.toString());
            assertEquals(0, inventory.exitCode(), inventory.err());
            assertTrue(inventory.out().contains("litellm"), inventory.out());
            assertFalse(CliRunner.run("inventory", dir.toString()).out().contains("litellm"));
        }
    }

    @Test
    void refFollowsRequirementsIncludesInTheSameTree() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("py/requirements.txt", "-r base.txt\n" + CLEAN).stage("py/base.txt", COMPROMISED)
                    .commit("include");
            repo.write("py/base.txt", CLEAN);
            CliRunner.Result r = check(dir, "--ref", "HEAD");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("py/base.txt"), r.out());
        }
    }

    @Test
    void includeLeavingTheRepositoryIsAnInputError() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", "-r ../outside.txt\n").commit("escape");
            CliRunner.Result r = check(dir, "--ref", "HEAD");
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("leaves the repository"), r.err());
        }
    }

    @Test
    void refUsesTheFinderRules() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("node_modules/x/requirements.txt", COMPROMISED)
                    .stage("web/package-lock.json", "not json at all")
                    .stage("web/npm-shrinkwrap.json", "{\"lockfileVersion\": 3, \"packages\": {\"\": {}}}")
                    .commit("skipped and superseded");
            CliRunner.Result r = check(dir, "--ref", "HEAD");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("web/npm-shrinkwrap.json"), r.out());
        }
    }

    @Test
    void baselineReportsOnlyWhatTheChangeIntroduces() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", CLEAN).commit("clean");
            repo.branch("feature").stage("requirements.txt", CLEAN + COMPROMISED).commit("add litellm");
            CliRunner.Result introduced = check(dir, "--baseline", "main");
            assertEquals(1, introduced.exitCode(), introduced.out() + introduced.err());
            assertEquals(List.of(""), suppressions(introduced), "every finding is about the introduced version");

            repo.stage("requirements.txt", CLEAN + COMPROMISED + "idna==3.7\n").commit("add idna");
            CliRunner.Result inherited = check(dir, "--baseline", "HEAD~1");
            assertEquals(0, inherited.exitCode(), inherited.out() + inherited.err());
            assertEquals(List.of("already locked at HEAD~1, not introduced by this change"), suppressions(inherited));
        }
    }

    @Test
    void missingBaselineRevisionIsAnInputError() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", CLEAN).commit("clean");
            for (String[] options : List.of(new String[] {"--baseline", "origin/nope"},
                    new String[] {"--ref", "nope"})) {
                CliRunner.Result r = check(dir, options);
                assertEquals(2, r.exitCode(), r.out() + r.err());
                assertEquals(1, r.err().lines().count(), r.err());
                assertTrue(r.err().contains("unknown git revision '" + options[1] + "'"), r.err());
            }
        }
    }

    @Test
    void notAGitRepositoryIsAnInputError(@TempDir Path plain) throws IOException {
        Files.writeString(plain.resolve("requirements.txt"), CLEAN);
        for (String option : List.of("--staged", "--ref=HEAD", "--baseline=HEAD")) {
            CliRunner.Result r = check(plain, option);
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("not a git repository"), r.err());
        }
    }

    @Test
    void stagedAndRefExcludeEachOther() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", CLEAN).commit("clean");
            CliRunner.Result r = check(dir, "--staged", "--ref", "HEAD");
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("exclude each other"), r.err());
        }
    }

    @Test
    void approvalRuleComparesWithTheBaseline() throws Exception {
        String policy = Path.of(GitCheckTest.class.getResource("approval-only.yaml").toURI()).toString();
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", "requests==2.31.0\nidna==3.6\n").commit("base");
            repo.write("requirements.txt", "requests==2.31.0\nidna==3.7\ncertifi==2024.2.2\n");
            List<String> args = List.of("check", "--format", "json", "--policy", policy);
            CliRunner.Result withBaseline = CliRunner.run(concat(args, "--baseline", "main", dir.toString()));
            assertEquals(1, withBaseline.exitCode(), withBaseline.err());
            assertEquals(List.of("tier/approval certifi: new package at 2024.2.2, not in approved:",
                    "tier/approval idna: changed from 3.6 to 3.7 without an entry in approved:"),
                    approvalFindings(withBaseline));

            CliRunner.Result without = CliRunner.run(concat(args, dir.toString()));
            assertEquals(3, approvalFindings(without).size(), "without a baseline every version needs approval");
        }
    }

    static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    static List<String> approvalFindings(CliRunner.Result r) throws IOException {
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).get("findings").forEach(f -> out.add(f.get("ruleId").asText() + " "
                + f.get("package").get("name").asText() + ": " + f.get("message").asText()));
        return out.stream().sorted().toList();
    }

    @Test
    void stagedComparesWithHead() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", COMPROMISED).commit("already there");
            repo.stage("requirements.txt", COMPROMISED + CLEAN);
            CliRunner.Result r = check(dir, "--staged");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals(List.of(), suppressions(r), "what HEAD already locked is not evaluated");
            assertFalse(r.out().contains("litellm"), r.out());
            assertEquals(1, summary(r).get("packages").asInt(), r.out());
        }
    }

    @Test
    void pathsNarrowTheSearchInsideTheRepository() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("bad/requirements.txt", COMPROMISED).stage("good/requirements.txt", CLEAN).commit("two");
            CliRunner.Result good = check(dir.resolve("good"), "--ref", "HEAD");
            assertEquals(0, good.exitCode(), good.out() + good.err());
            assertTrue(good.out().contains("\"good/requirements.txt\""), good.out());
            assertEquals(1, check(dir, "--ref", "HEAD").exitCode());
        }
    }

    /** FORMAT:FILE names a file on disk; read from git it would silently match nothing. */
    @Test
    void formatColonFileIsRefusedWithGitSources() {
        try (TestRepo r = TestRepo.init(dir)) {
            r.stage("deps/ci.lock", "").commit("lock");
            for (String mode : new String[] {"--staged", "--ref=HEAD"}) {
                CliRunner.Result res = CliRunner.run("check", "--no-policy", mode,
                        "poetry.lock:" + dir.resolve("deps/ci.lock"));
                assertEquals(2, res.exitCode(), mode + " " + res.out());
                assertTrue(res.err().contains("FORMAT:FILE reads the working tree only, not with --staged or --ref"),
                        res.err());
            }
        }
    }
}
