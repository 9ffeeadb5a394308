// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Ecosystem;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.ReleaseRecord;
import dev.provgate.provenance.store.StoreWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `explain` shows the evidence of the attestation store, as `check` uses it. */
class ExplainEvidenceTest {
    @TempDir
    Path dir;

    private CliRunner.Result explain() {
        return CliRunner.run("explain", "idna@3.4", "--policy", dir.resolve("trust-tiers.yaml").toString(),
                dir.toString());
    }

    @Test
    void publishTimeFromTheStoreDecidesTheReleaseAgeRule() throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "idna==3.4 \\\n"
                + "    --hash=sha256:814f528e8dead7d329833b91c5faa87d60bf71824cd12a7530b5526063d02cb4\n");
        Files.writeString(dir.resolve("trust-tiers.yaml"), """
                version: 1
                default_tier: product
                builtin_classification: false
                tiers:
                  2:
                    name: product
                    requires:
                      min_release_age: 7d
                """);
        CliRunner.Result before = explain();
        assertEquals(0, before.exitCode(), before.err());
        assertTrue(before.out().contains("unverified  min_release_age"), before.out());

        new StoreWriter(new AttestationStore(dir.resolve("attestations"))).writeRelease(Ecosystem.PYPI, "idna", "3.4",
                new ReleaseRecord(Instant.parse("2022-09-14T00:00:00Z"), "test", ""));
        CliRunner.Result after = explain();
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.out().contains("pass        min_release_age"), after.out());
    }
}
