// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs git and the pre-commit framework as processes, with provgate as this test JVM's classes. */
final class HookProcesses {
    record Run(int exitCode, String output) {
    }

    private HookProcesses() {
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /** A provgate command for hooks: this JVM's java with this test run's class path (no build, no launcher). */
    static Path provgateCommand(Path dir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String script = "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.provgate.cli.Main \"$@\"\n";
        try {
            Path file = Files.writeString(dir.resolve("provgate-under-test"), script);
            assertTrue(file.toFile().setExecutable(true));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command in {@code dir} with the given extra environment; GIT_* variables of the caller are dropped. */
    static Run run(Path dir, Map<String, String> env, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_") || k.startsWith("PROVGATE")
                || k.startsWith("PRE_COMMIT"));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished: " + String.join(" ", command));
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code git commit} as a user runs it, hooks included. */
    static Run commit(Path repo, Map<String, String> env, String message) {
        return run(repo, env, "git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
    }
}
