// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static dev.provgate.git.GateIntegrityTest.activeRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code check --freeze TIERS}: during an incident, packages in those tiers must not move. */
class FreezeTest {
    static final String POLICY = """
            version: 1
            default_tier: product
            tiers:
              0:
                name: critical
              1:
                name: product
            rules:
              - package: pkg:pypi/litellm
                tier: critical
            """;
    static final String BASE = "litellm==1.82.5\nrequests==2.31.0\n";

    @TempDir
    Path dir;

    private CliRunner.Result check(String... options) throws IOException {
        Path policy = dir.resolve("ci-policy.yaml");
        if (!Files.exists(policy)) {
            Files.writeString(policy, POLICY);
        }
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--policy", policy.toString()));
        args.addAll(List.of(options));
        args.add(dir.toString());
        return CliRunner.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--baseline", "--staged", "working tree"})
    void movingAPackageInAFrozenTierBlocksNamingTheIncident(String mode) throws IOException {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", BASE).commit("base");
            String moved = "litellm==1.82.6\nrequests==2.31.0\n";
            List<String> options = new ArrayList<>(List.of("--freeze", "critical", "--freeze-reason",
                    "INC-7 litellm compromise"));
            switch (mode) {
                case "--baseline" -> {
                    repo.write("requirements.txt", moved);
                    options.addAll(List.of("--baseline", "main"));
                }
                case "--staged" -> {
                    repo.stage("requirements.txt", moved);
                    options.add("--staged");
                }
                default -> repo.write("requirements.txt", moved);
            }
            CliRunner.Result r = check(options.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertEquals(List.of("change/frozen"), activeRules(r));
            assertTrue(r.out().contains("tier critical is frozen (INC-7 litellm compromise): litellm 1.82.5 -> "
                    + "1.82.6 upgraded since"), r.out());
        }
    }

    @Test
    void movementOutsideTheFrozenTiersPasses() throws IOException {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", BASE).commit("base");
            repo.write("requirements.txt", "litellm==1.82.5\nrequests==2.32.0\nidna==3.7\n");
            CliRunner.Result r = check("--freeze", "critical", "--baseline", "main");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            repo.write("requirements.txt", "litellm==1.82.4\nrequests==2.31.0\n");
            assertEquals(1, check("--freeze", "critical", "--baseline", "main").exitCode(), "a downgrade moves too");
        }
    }

    @Test
    void freezeNeedsAPolicyAndKnownTiers() throws IOException {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("requirements.txt", BASE).commit("base");
            CliRunner.Result unknown = check("--freeze", "critcal");
            assertEquals(2, unknown.exitCode(), unknown.out());
            assertTrue(unknown.err().contains("no tier 'critcal' (did you mean 'critical'?)"), unknown.err());
            CliRunner.Result noPolicy = CliRunner.run("check", "--no-policy", "--freeze", "critical",
                    dir.toString());
            assertEquals(2, noPolicy.exitCode(), noPolicy.out());
            assertTrue(noPolicy.err().contains("no trust-tiers policy applies"), noPolicy.err());
            CliRunner.Result withRef = check("--freeze", "critical", "--ref", "main");
            assertEquals(2, withRef.exitCode(), withRef.out());
        }
    }
}
