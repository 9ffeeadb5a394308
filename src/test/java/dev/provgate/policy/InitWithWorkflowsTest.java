// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provgate init} in a project with workflows: third-party actions must be SHA-pinned (tier 1). */
class InitWithWorkflowsTest {
    @TempDir
    Path dir;

    @Test
    void thirdPartyActionsGetShaPinningGitHubsOwnDoNot() throws IOException {
        Path workflow = dir.resolve(".github/workflows/ci.yml");
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: docker/login-action@v3
                      - uses: pnpm/action-setup@a7487c7e89a18df4991f7f222e4898a00d66ddda # v4.1.0
                """);
        CliRunner.Result init = CliRunner.run("init", dir.toString());
        assertEquals(0, init.exitCode(), init.err());
        String policy = Files.readString(dir.resolve("trust-tiers.yaml"));
        assertTrue(policy.contains("pinning: sha") && policy.contains("ecosystem: githubactions"), policy);

        CliRunner.Result check = CliRunner.run("check", "--format", "text", dir.toString());
        String pinning = check.out().lines().filter(l -> l.contains("tier/pinning")).toList().toString();
        assertTrue(pinning.contains("docker/login-action@v3"), check.out());
        assertFalse(pinning.contains("actions/checkout"), "GitHub's own actions stay in the product tier");
        assertFalse(pinning.contains("pnpm/action-setup"), "a SHA pin passes");
        assertEquals(1, check.exitCode(), check.out() + check.err());
    }
}
