// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.provenance.evidence.ProvenanceProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: sigstore 1.0.0 locked with a changed integrity, its real attestations and registry signature in the store,
 * and no trust-tiers.yaml. The working tree, the index, a ref and a pull request whose base already had the change
 * all block: evidence of tampering is never "not required" and never "already locked at the base".
 */
class TamperingInEveryModeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"working tree", "--staged", "--ref HEAD", "--baseline main"})
    void aChangedIntegrityBlocksWithoutAPolicy(String mode) throws IOException {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested();
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage("README.md", "app\n").commit("start");
            p.npm("sigstore", "1.0.0", ProvenanceProject.OTHER_INTEGRITY);
            String lock = Files.readString(dir.resolve("package-lock.json"));
            repo.stage("package-lock.json", lock);
            if (!mode.equals("--staged")) {
                repo.commit("lock a changed tarball");
            }
            if (mode.startsWith("--baseline")) {
                repo.branch("feature").stage("README.md", "app, changed\n").commit("unrelated change");
            }
            List<String> args = new ArrayList<>(List.of("check"));
            if (!mode.equals("working tree")) {
                args.addAll(List.of(mode.split(" ")));
            }
            args.addAll(List.of("--attestations", p.store().root().toString(), dir.toString()));
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("provenance/tampered"), r.out());
        }
    }
}
