// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --policy-from REV}: a pull request that loosens or deletes the policy is still held to the base's. */
class PolicyFromRevisionTest {
    private static final String STRICT = """
            version: 1
            builtin_classification: false
            default_tier: product
            tiers:
              2:
                name: product
                requires:
                  hashes: true
            """;
    private static final String LOOSE = STRICT.replace("hashes: true", "hashes: false");

    @TempDir
    Path dir;

    private CliRunner.Result check(String... options) {
        return CliRunner.check(dir, options);
    }

    @Test
    void theBasePolicyAppliesWhateverTheWorkingTreeSays() throws Exception {
        try (TestRepo r = TestRepo.init(dir)) {
            r.stage("requirements.txt", "requests==2.31.0\n").stage("trust-tiers.yaml", STRICT).commit("base");
            r.write("trust-tiers.yaml", LOOSE);
            assertEquals(0, check().exitCode(), "the loosened working-tree policy passes");
            CliRunner.Result held = check("--policy-from", "HEAD");
            assertEquals(1, held.exitCode(), held.out() + held.err());
            assertTrue(held.out().contains("tier/hashes"), held.out());

            Files.delete(dir.resolve("trust-tiers.yaml"));
            assertEquals(1, check("--policy-from", "HEAD").exitCode(), "deleting the policy does not help either");
        }
    }

    @Test
    void aBaseWithoutAPolicyChecksAdvisoriesOnly() throws Exception {
        try (TestRepo r = TestRepo.init(dir)) {
            r.stage("requirements.txt", "requests==2.31.0\n").commit("base");
            r.write("trust-tiers.yaml", STRICT);
            assertEquals(0, check("--policy-from", "HEAD").exitCode());
        }
    }

    @Test
    void aNamedPolicyMissingAtTheRevisionOrABrokenOneIsAnInputError() throws Exception {
        try (TestRepo r = TestRepo.init(dir)) {
            r.stage("requirements.txt", "requests==2.31.0\n").stage("ci/tiers.yaml", "tiers: [").commit("base");
            CliRunner.Result missing = check("--policy-from", "HEAD", "--policy", dir.resolve("tiers.yaml").toString());
            assertEquals(2, missing.exitCode(), missing.err());
            assertTrue(missing.err().contains("HEAD:tiers.yaml: no such file at HEAD"), missing.err());
            CliRunner.Result broken = check("--policy-from", "HEAD", "--policy",
                    dir.resolve("ci/tiers.yaml").toString());
            assertEquals(2, broken.exitCode(), broken.err());
            assertTrue(broken.err().startsWith("provgate: HEAD:ci/tiers.yaml:1:"), broken.err());
        }
    }
}
