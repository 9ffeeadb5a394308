// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    /** A FIFO nobody writes to would block the open forever. */
    static Path fifo(Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo not available: " + e.getMessage());
            return null;
        }
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        return fifo;
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir);
        ProvgateException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ProvgateException.class, () -> InputFiles.read(fifo, "fifo", 1024)));
        assertEquals("fifo: not a regular file (a pipe, socket or device): not read", e.userMessage());
    }

    @Test
    void aDeviceIsRefused() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        ProvgateException e = assertThrows(ProvgateException.class,
                () -> InputFiles.read(Path.of("/dev/zero"), "/dev/zero", 1024));
        assertTrue(e.getMessage().startsWith("not a regular file"), e.getMessage());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path big = Files.write(dir.resolve("big"), new byte[2048]);
        ProvgateException e = assertThrows(ProvgateException.class, () -> InputFiles.read(big, "big", 1024));
        assertEquals("big: file is 2048 bytes, over the limit of 1024", e.userMessage());
        assertArrayEquals(new byte[2048], InputFiles.read(big, "big", 2048));
    }

    /** /proc files report size 0: the limit holds while reading too. */
    @Test
    void aFileThatReportsNoSizeIsStillBounded() {
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ), "no /proc here");
        ProvgateException e = assertThrows(ProvgateException.class, () -> InputFiles.read(environ, "environ", 4));
        assertEquals("environ: file is more than 4 bytes, over the limit of 4", e.userMessage());
    }

    @Test
    void aMissingFileIsLeftToTheCallersWording(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> InputFiles.read(dir.resolve("none"), "none", 10));
    }

    @Test
    void aLinkOutOfTheWorkTreeIsRefused(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "npm_TOKEN\n");
        Path repo = Files.createDirectories(dir.resolve("repo/.git")).getParent();
        Path link = Files.createSymbolicLink(repo.resolve("trust-tiers.yaml"), secret);
        ProvgateException e = assertThrows(ProvgateException.class,
                () -> WorkTree.requireInside(link, "trust-tiers.yaml"));
        assertTrue(e.userMessage().startsWith("trust-tiers.yaml: a symbolic link to a file outside "),
                e.userMessage());
        Files.writeString(repo.resolve("real.yaml"), "version: 1\n");
        Path inside = Files.createSymbolicLink(repo.resolve("policy.yaml"), repo.resolve("real.yaml"));
        WorkTree.requireInside(inside, "policy.yaml");
    }

    @Test
    void printableEscapesWhatCouldForgeALine() {
        assertEquals("abc\\nprovgate: PASSED\\u001b[0m\\u202e",
                Printable.escape("abc\nprovgate: PASSED\u001b[0m\u202e"));
        assertEquals("a".repeat(80) + "...", Printable.excerpt("a".repeat(81)));
        assertEquals("plain", Printable.escape("plain"));
    }

    @Test
    void userMessagesAreOneLine() {
        assertEquals("bom.json:3: bad hash 'x\\nprovgate: PASSED'",
                new ProvgateException("bom.json", 3, "bad hash 'x\nprovgate: PASSED'").userMessage());
    }
}
