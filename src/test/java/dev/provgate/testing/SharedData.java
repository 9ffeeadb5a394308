// SPDX-License-Identifier: Apache-2.0
package dev.provgate.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world data in {@code ../shared} (corpus, advisories, sigstore vectors), read in place, never copied.
 * Tests that need it are skipped with a clear message where it is absent. {@code -Dprovgate.shared=DIR} or the
 * {@code PROVGATE_SHARED} environment variable point elsewhere.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("provgate.shared", System.getenv("PROVGATE_SHARED"));
        Path p = configured != null ? Path.of(configured) : Path.of("..", "shared");
        return p.toAbsolutePath().normalize();
    }

    /** A path under ../shared; skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), () -> "skipped: real-world data not found at " + p
                + " (set -Dprovgate.shared=DIR to the shared data folder)");
        return p;
    }

    public static Path corpus(String relative) {
        return require("corpus/" + relative);
    }
}
