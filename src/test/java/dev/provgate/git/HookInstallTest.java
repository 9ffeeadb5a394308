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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate hook install / uninstall}, proved through {@code git commit} itself. */
class HookInstallTest {
    @TempDir
    Path dir;

    Path repoDir;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(HookProcesses.onPath("git") && HookProcesses.onPath("bash"), "needs git and bash");
        repoDir = Files.createDirectory(dir.resolve("repo"));
        env = Map.of("PROVGATE", HookProcesses.provgateCommand(dir).toString(), "PROVGATE_ARGS", "--no-policy");
    }

    private CliRunner.Result hook(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "hook";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "-C";
        all[args.length + 2] = repoDir.toString();
        return CliRunner.run(all);
    }

    @Test
    void aCompromisedLockfileCannotBeCommittedAndACleanOneCan() {
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.stage("README.md", "app\n").commit("start");
            CliRunner.Result installed = hook("install");
            assertEquals(0, installed.exitCode(), installed.err());
            assertEquals("installed " + repoDir.resolve(".git/hooks/pre-commit"), installed.out().strip());

            repo.stage("requirements.txt", GitCheckTest.COMPROMISED);
            HookProcesses.Run blocked = HookProcesses.commit(repoDir, env, "add litellm");
            assertEquals(1, blocked.exitCode(), blocked.output());
            assertTrue(blocked.output().contains("litellm@1.82.8"), blocked.output());

            repo.stage("requirements.txt", GitCheckTest.CLEAN);
            HookProcesses.Run passed = HookProcesses.commit(repoDir, env, "add requests");
            assertEquals(0, passed.exitCode(), passed.output());
            repo.stage("README.md", "no lockfile staged\n");
            assertEquals(0, HookProcesses.commit(repoDir, env, "readme").exitCode());
        }
    }

    @Test
    void anExistingHookIsChainedAndPutBackOnUninstall() throws IOException {
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.stage("README.md", "app\n").commit("start");
            Path existing = repoDir.resolve(".git/hooks/pre-commit");
            String original = "#!/bin/sh\necho ran >> \"$(git rev-parse --git-dir)/../old-hook-ran\"\n";
            Files.writeString(existing, original);
            assertTrue(existing.toFile().setExecutable(true));

            CliRunner.Result installed = hook("install");
            assertTrue(installed.out().contains("the hook that was there runs first"), installed.out());
            repo.stage("requirements.txt", GitCheckTest.COMPROMISED);
            assertEquals(1, HookProcesses.commit(repoDir, env, "blocked").exitCode());
            assertTrue(Files.exists(repoDir.resolve("old-hook-ran")), "the chained hook ran first");

            assertEquals(0, hook("install").exitCode(), "installing again updates our hook");
            assertTrue(hook("uninstall").out().startsWith("removed "));
            assertEquals(original, Files.readString(existing));
            assertFalse(Files.exists(repoDir.resolve(".git/hooks/pre-commit.provgate-chained")));
            assertEquals(0, HookProcesses.commit(repoDir, env, "no provgate any more").exitCode());
        }
    }

    @Test
    void aFailingChainedHookStillStopsTheCommit() throws IOException {
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.stage("README.md", "app\n").commit("start");
            Path existing = repoDir.resolve(".git/hooks/pre-commit");
            Files.writeString(existing, "#!/bin/sh\necho lint failed; exit 5\n");
            assertTrue(existing.toFile().setExecutable(true));
            hook("install");
            repo.stage("requirements.txt", GitCheckTest.CLEAN);
            HookProcesses.Run r = HookProcesses.commit(repoDir, env, "clean but lint fails");
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("lint failed"), r.output());
        }
    }

    @Test
    void forceSetsTheExistingHookAsideInsteadOfRunningIt() throws IOException {
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.stage("README.md", "app\n").commit("start");
            Path existing = repoDir.resolve(".git/hooks/pre-commit");
            Files.writeString(existing, "#!/bin/sh\nexit 5\n");
            assertTrue(existing.toFile().setExecutable(true));
            assertTrue(hook("install", "--force").out().contains("set aside"));
            repo.stage("requirements.txt", GitCheckTest.CLEAN);
            assertEquals(0, HookProcesses.commit(repoDir, env, "the old hook does not run").exitCode());
            hook("uninstall");
            assertEquals("#!/bin/sh\nexit 5\n", Files.readString(existing));
        }
    }

    @Test
    void coreHooksPathIsWhereTheHookGoes() throws IOException {
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.stage("README.md", "app\n").commit("start");
            assertEquals(0, HookProcesses.run(repoDir, Map.of(), "git", "config", "core.hooksPath", ".githooks")
                    .exitCode());
            CliRunner.Result installed = hook("install");
            assertEquals("installed " + repoDir.resolve(".githooks/pre-commit"), installed.out().strip());
            assertFalse(Files.exists(repoDir.resolve(".git/hooks/pre-commit")));
            repo.stage("requirements.txt", GitCheckTest.COMPROMISED);
            assertEquals(1, HookProcesses.commit(repoDir, env, "blocked").exitCode());
            assertTrue(hook("uninstall").out().startsWith("removed "));
            assertFalse(Files.exists(repoDir.resolve(".githooks/pre-commit")));
        }
    }

    @Test
    void uninstallWithoutOurHookChangesNothing() throws IOException {
        try (TestRepo repo = TestRepo.init(repoDir)) {
            Path existing = repoDir.resolve(".git/hooks/pre-commit");
            Files.createDirectories(existing.getParent());
            Files.writeString(existing, "#!/bin/sh\nexit 0\n");
            CliRunner.Result r = hook("uninstall");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("no provgate hook at "), r.out());
            assertEquals("#!/bin/sh\nexit 0\n", Files.readString(existing));
        }
    }
}
