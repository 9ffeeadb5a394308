// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAStarterThatLoads() {
        CliRunner.Result r = CliRunner.run("init", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path written = dir.resolve("trust-tiers.yaml");
        assertTrue(r.out().startsWith("wrote "), r.out());
        Policy p = PolicyLoader.load(written);
        assertEquals("product", p.defaultTier().name());
        assertEquals(3, p.tiers().size());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path existing = Files.writeString(dir.resolve("trust-tiers.yaml"), "# mine\n");
        CliRunner.Result r = CliRunner.run("init", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("trust-tiers.yaml: already exists; use --force to overwrite it"), r.err());
        assertEquals("# mine\n", Files.readString(existing));

        CliRunner.Result forced = CliRunner.run("init", "--force", dir.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(existing).contains("tiers:"));
    }

    @Test
    void explainWorksOnTheStarter() {
        CliRunner.run("init", dir.toString());
        CliRunner.Result r = CliRunner.run("explain", "pkg:npm/esbuild@0.20.0", "--policy",
                dir.resolve("trust-tiers.yaml").toString(), dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("tier 1 (tooling)"), r.out());
    }
}
