// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This package's test fixtures, read as the given display name. */
final class Fixtures {
    static final Path DIR = Path.of("src", "test", "resources", "dev", "provgate", "lockfile", "maven");

    private Fixtures() {
    }

    static LockfileSource source(String fixture, String displayPath) {
        Path p = DIR.resolve(fixture).toAbsolutePath();
        try {
            return new LockfileSource(displayPath, Files.readAllBytes(p), p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
