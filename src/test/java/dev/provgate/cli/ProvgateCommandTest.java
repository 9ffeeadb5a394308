// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvgateCommandTest {
    @Test
    void helpListsCommandsAndExitCodes() {
        CliRunner.Result r = CliRunner.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("inventory"), r.out());
        assertTrue(r.out().contains("1 blocked by policy"), r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result r = CliRunner.run("inventory", "--no-such-option");
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("provgate: "), r.err());
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(ExitCodes.INPUT_ERROR, CliRunner.run().exitCode());
    }

    @Test
    void missingPathIsAnInputErrorOnOneLine() {
        CliRunner.Result r = CliRunner.run("inventory", "does/not/exist");
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertEquals("provgate: does/not/exist: no such file or directory", r.err().strip());
    }

    @Test
    void unknownFileFormatIsAnInputError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliRunner.Result r = CliRunner.run("inventory", f.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertTrue(r.err().contains("not a lockfile or SBOM name provgate knows"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
