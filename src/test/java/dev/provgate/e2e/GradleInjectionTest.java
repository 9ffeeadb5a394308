// SPDX-License-Identifier: Apache-2.0
package dev.provgate.e2e;

import static dev.provgate.e2e.CheckRun.NO_PATH;
import static dev.provgate.e2e.CheckRun.insertBefore;
import static dev.provgate.e2e.CheckRun.lineOf;
import static dev.provgate.e2e.CheckRun.project;
import static dev.provgate.e2e.CheckRun.read;

import dev.provgate.e2e.CheckRun.Seen;
import dev.provgate.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typosquat io.github.leetcrunch:scribejava-core (MAL-2025-2552, every version affected) injected into JabRef's
 * gradle.lockfile. A Gradle lockfile records no edges and no direct flag, so the finding has no dependency path.
 */
class GradleInjectionTest {
    private static final String GRADLE_LOCKFILE = "maven/gradle-lockfile/jabref-2022__gradle.lockfile";

    @TempDir
    Path tmp;

    @Test
    void scribejavaTyposquatInAGradleLockfile() {
        String text = insertBefore(read(SharedData.corpus(GRADLE_LOCKFILE)), "io.github.java-diff-utils:",
                "io.github.leetcrunch:scribejava-core:8.3.1=compileClasspath,runtimeClasspath\n");
        CheckRun.of(tmp.resolve("empty-db"), "block", project(tmp, "gradle", "gradle.lockfile", text)).assertFindings(1,
                new Seen("advisory/malicious", "maven/io.github.leetcrunch:scribejava-core@8.3.1", "MAL-2025-2552",
                        List.of(), "gradle.lockfile:" + lineOf(text, "io.github.leetcrunch:scribejava-core:"), NO_PATH,
                        "remove io.github.leetcrunch:scribejava-core (every version is affected)"));
    }
}
