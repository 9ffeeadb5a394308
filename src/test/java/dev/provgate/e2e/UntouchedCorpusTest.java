// SPDX-License-Identifier: Apache-2.0
package dev.provgate.e2e;

import static dev.provgate.e2e.CheckRun.project;
import static dev.provgate.e2e.CheckRun.read;

import dev.provgate.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real lockfiles the injection tests start from pass untouched, even at {@code --fail-on warn}: none of their
 * packages is named by the built-in snapshot's records at an affected version.
 */
class UntouchedCorpusTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "python/poetry-lock-v2/poetry-2024-v2.0__poetry.lock, poetry.lock",
            "python/requirements-hashed/sigstore-conformance-uv-compiled__requirements.txt, requirements.txt",
            "npm/package-lock-v3/npm-cli__package-lock.json, package-lock.json",
            "npm/yarn-lock-v1-classic/vuejs-core-2021__yarn.lock, yarn.lock",
            "maven/gradle-lockfile/jabref-2022__gradle.lockfile, gradle.lockfile",
    })
    void passes(String corpusFile, String lockfileName) {
        Path project = project(tmp, "project", lockfileName, read(SharedData.corpus(corpusFile)));
        CheckRun.of(tmp.resolve("empty-db"), "warn", project).assertFindings(0);
    }
}
