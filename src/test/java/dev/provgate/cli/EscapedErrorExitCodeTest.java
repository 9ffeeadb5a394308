// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Error that escapes every handler (here OutOfMemoryError in a small heap) ends in exit 3, not 1 ("blocked"). */
class EscapedErrorExitCodeTest {

    @Test
    void outOfMemoryIsAnInternalErrorWithExitThree(@TempDir Path dir) throws IOException, InterruptedException {
        Path lock = dir.resolve("requirements.txt");
        byte[] line = "pkg==1.0 --hash=sha256:0000000000000000000000000000000000000000000000000000000000000000\n"
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(lock)) {
            for (int i = 0; i < 48 * 1024 * 1024 / line.length; i++) {
                out.write(line);
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "inventory", lock.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), err);
        assertTrue(err.startsWith("provgate: internal error: java.lang.OutOfMemoryError"), err);
        assertEquals(1, err.lines().count(), err);
    }
}
