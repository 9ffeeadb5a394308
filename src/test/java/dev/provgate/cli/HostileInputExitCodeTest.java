// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile repository puts where provgate reads: every case an input error (exit 2), never a hang. */
class HostileInputExitCodeTest {

    private static Path fifo(Path dir, String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo not available");
            return null;
        }
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        return fifo;
    }

    private static CliRunner.Result within20s(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRunner.run(args));
    }

    @Test
    void aFifoAsPolicyIsAnInputError(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir, "trust-tiers.yaml");
        CliRunner.Result r = within20s("check", "--offline", "--policy", fifo.toString(), "testdata/demo");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }

    @Test
    void aFifoAsLockfileIsAnInputError(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir, "package-lock.json");
        CliRunner.Result r = within20s("inventory", fifo.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }

    @Test
    void devZeroAsPolicyIsAnInputError() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        CliRunner.Result r = within20s("check", "--offline", "--policy", "/dev/zero", "testdata/demo");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("provgate: /dev/zero: not a regular file (a pipe, socket or device): not read\n", r.err());
    }

    /** A policy linked to /etc/passwd or a token file: refused unread, so nothing of it reaches the output. */
    @Test
    void aPolicyLinkedOutOfTheRepositoryIsNotQuoted(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("npmrc"), "//registry/:_authToken=npm_SECRET\n");
        Path repo = Files.createDirectories(dir.resolve("repo/.git")).getParent();
        Files.copy(Path.of("testdata/demo/package-lock.json"), repo.resolve("package-lock.json"));
        Path policy = Files.createSymbolicLink(repo.resolve("trust-tiers.yaml"), secret);
        CliRunner.Result r = within20s("check", "--offline", "--policy", policy.toString(), repo.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertFalse(r.err().contains("SECRET") || r.out().contains("SECRET"), r.err());
        assertTrue(r.err().contains("a symbolic link to a file outside"), r.err());
    }
}
