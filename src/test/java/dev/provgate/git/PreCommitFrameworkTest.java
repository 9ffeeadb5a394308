// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hook id {@code provgate} of this project's .pre-commit-hooks.yaml, run by the pre-commit framework itself
 * (Debian's package: {@code apt-get install pre-commit}); skipped where the framework is not installed.
 */
class PreCommitFrameworkTest {
    static final Path HOOKS_YAML = Path.of(".pre-commit-hooks.yaml");

    @TempDir
    Path dir;

    @Test
    void theFrameworkBlocksACompromisedLockfileAndPassesACleanOne() throws IOException {
        assumeTrue(HookProcesses.onPath("pre-commit"), "pre-commit (the framework) is not installed: "
                + "apt-get install -y pre-commit to run this test");
        assumeTrue(HookProcesses.onPath("git"), "needs git");
        Path hooksRepo = Files.createDirectory(dir.resolve("provgate-hooks"));
        String rev;
        try (TestRepo hooks = TestRepo.init(hooksRepo)) {
            hooks.stage(".pre-commit-hooks.yaml", Files.readString(HOOKS_YAML))
                    .stage("scripts/pre-commit", Files.readString(PreCommitScriptTest.SCRIPT));
            assertTrue(hooksRepo.resolve("scripts/pre-commit").toFile().setExecutable(true));
            hooks.stage("scripts/pre-commit", Files.readString(PreCommitScriptTest.SCRIPT)).commit("hooks");
            rev = HookProcesses.run(hooksRepo, Map.of(), "git", "rev-parse", "HEAD").output().strip();
        }
        Path project = Files.createDirectory(dir.resolve("project"));
        Map<String, String> env = Map.of("PROVGATE", HookProcesses.provgateCommand(dir).toString(),
                "PROVGATE_ARGS", "--no-policy", "PRE_COMMIT_HOME", dir.resolve("cache").toString());
        try (TestRepo repo = TestRepo.init(project)) {
            repo.stage(".pre-commit-config.yaml", "repos:\n  - repo: " + hooksRepo.toUri() + "\n    rev: " + rev
                    + "\n    hooks:\n      - id: provgate\n").commit("pre-commit config");
            HookProcesses.Run install = HookProcesses.run(project, env, "pre-commit", "install");
            assertEquals(0, install.exitCode(), install.output());

            repo.stage("requirements.txt", GitCheckTest.COMPROMISED);
            HookProcesses.Run blocked = HookProcesses.commit(project, env, "add litellm");
            assertNotEquals(0, blocked.exitCode(), blocked.output());
            assertTrue(blocked.output().contains("litellm@1.82.8"), blocked.output());

            repo.stage("requirements.txt", GitCheckTest.CLEAN);
            HookProcesses.Run passed = HookProcesses.commit(project, env, "add requests");
            assertEquals(0, passed.exitCode(), passed.output());

            repo.stage("README.md", "no lockfile\n");
            HookProcesses.Run skipped = HookProcesses.commit(project, env, "readme");
            assertEquals(0, skipped.exitCode(), skipped.output());
            assertTrue(skipped.output().contains("(no files to check)Skipped"), skipped.output());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.provgate.git.PreCommitScriptTest#lockfileNames")
    void theFilesPatternMatchesEveryLockfileScriptsPreCommitMatches(String path) {
        assertTrue(PreCommitScriptTest.matches(path), "scripts/pre-commit matches " + path);
        assertTrue(filesPattern().matcher(path).find(), ".pre-commit-hooks.yaml misses " + path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.provgate.git.PreCommitScriptTest#ordinaryNames")
    void ordinaryFilesDoNotRunTheHook(String path) {
        assertFalse(filesPattern().matcher(path).find(), path);
    }

    @Test
    void theHookIdIsProvgateAndItRunsTheScriptWithoutDownloads() throws IOException {
        String yaml = Files.readString(HOOKS_YAML);
        assertTrue(yaml.contains("- id: provgate\n"), yaml);
        assertTrue(yaml.contains("  entry: scripts/pre-commit\n") && yaml.contains("  language: script\n"), yaml);
        assertTrue(CliRunner.run("hook", "--help").out().contains("'provgate'"));
    }

    /** The {@code files:} regular expression, applied as pre-commit does (a search anywhere in the path). */
    static Pattern filesPattern() {
        try {
            Matcher m = Pattern.compile("(?m)^  files: (.+)$").matcher(Files.readString(HOOKS_YAML));
            assertTrue(m.find(), "files: in " + HOOKS_YAML);
            return Pattern.compile(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
