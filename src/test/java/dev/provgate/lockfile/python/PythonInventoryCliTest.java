// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory command on a broken Python lockfile: exit 2 and one line naming file and line. */
class PythonInventoryCliTest {
    @Test
    void brokenPoetryLockIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path lock = Files.writeString(dir.resolve("poetry.lock"),
                "[[package]]\nname = \"alpha\"\nversion = \"1.0\"\nfiles = [\n  {file = \"a.tar.gz\"\n");
        CliRunner.Result r = CliRunner.run("inventory", lock.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        String shown = lock.normalize().toString().replace('\\', '/');
        assertTrue(lines[0].startsWith("provgate: " + shown + ":5: invalid TOML: "), r.err());
    }

    @Test
    void aRequirementsTreeIsListed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "-r requirements-base.txt\nflask==3.0.0\n");
        Files.writeString(dir.resolve("requirements-base.txt"), "click==8.1.7\n");
        CliRunner.Result r = CliRunner.run("inventory", dir.resolve("requirements.txt").toString());
        assertEquals(ExitCodes.PASSED, r.exitCode(), r.err());
        assertTrue(r.out().contains("click") && r.out().contains("flask"), r.out());
    }
}
