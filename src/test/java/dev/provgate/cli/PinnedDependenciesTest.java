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
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cli/PinnedDependencies.java, the launcher's check of provgate's own dependency jars against their pinned
 * SHA-256 digests, run as the launcher runs it (a single source file on the JDK alone).
 */
class PinnedDependenciesTest {
    private static final Path SOURCE = Path.of("cli/PinnedDependencies.java").toAbsolutePath();
    /** SHA-256 of the 3 bytes "abc" (FIPS 180-2 test vector). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;
    Path jar;
    Path pins;

    @BeforeEach
    void jarWithTwoDependencies() throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/a-1.0.jar"), "abc");
        Files.writeString(dir.resolve("lib/b-2.0.jar"), "abc");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/a-1.0.jar lib/b-2.0.jar");
        jar = dir.resolve("provgate.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        pins = dir.resolve("dependencies.sha256");
    }

    @Test
    void writeThenCheckPasses() throws Exception {
        assertEquals(0, run("write").exit());
        assertEquals(ABC + "  a-1.0.jar\n" + ABC + "  b-2.0.jar\n", Files.readString(pins));
        Result r = run("check");
        assertEquals(0, r.exit(), r.out());
    }

    @Test
    void aChangedJarIsRefused() throws Exception {
        run("write");
        Files.writeString(dir.resolve("lib/b-2.0.jar"), "abd");
        Result r = run("check");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("b-2.0.jar has SHA-256 "), r.out());
        assertTrue(r.out().contains(", pinned " + ABC), r.out());
    }

    @Test
    void unpinnedMissingAndLeftOverJarsAreRefused() throws Exception {
        Files.writeString(pins, ABC + "  a-1.0.jar\n" + ABC + "  old-0.9.jar\n");
        Files.delete(dir.resolve("lib/a-1.0.jar"));
        Result r = run("check");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("a-1.0.jar is pinned but missing from target/lib"), r.out());
        assertTrue(r.out().contains("b-2.0.jar is on provgate's class path but not pinned"), r.out());
        assertTrue(r.out().contains("old-0.9.jar is pinned but no longer on the class path"), r.out());
    }

    @Test
    void aBrokenPinsFileIsAUsageErrorWithItsLine() throws Exception {
        Files.writeString(pins, ABC + "  a-1.0.jar\nnot a digest  b-2.0.jar\n");
        Result r = run("check");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().contains("dependencies.sha256:2: not a '<sha256>  <jar>' line"), r.out());
    }

    private record Result(int exit, String out) {
    }

    private Result run(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), SOURCE.toString(), mode, jar.toString(), pins.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Result(p.exitValue(), out);
    }
}
