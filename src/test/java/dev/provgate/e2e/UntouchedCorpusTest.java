// SPDX-License-Identifier: Apache-2.0
package dev.provgate.e2e;

import static dev.provgate.e2e.CheckRun.lineEqualTo;
import static dev.provgate.e2e.CheckRun.lineOf;
import static dev.provgate.e2e.CheckRun.project;
import static dev.provgate.e2e.CheckRun.read;

import dev.provgate.e2e.CheckRun.Seen;
import dev.provgate.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real lockfiles the injection tests start from pass untouched, even at {@code --fail-on warn}: none of their
 * packages is named by the built-in snapshot's records at an affected version. Two other corpus files have genuine
 * hits, asserted exactly: npm's 2020 lockfile locks eslint-scope 3.7.3, inside GHSA-hxxf-q3w9-4xgw's range
 * (introduced 3.7.2, fixed 4.0.0, although its versions list names only 3.7.2); mlflow's extra ML requirements list
 * litellm unpinned, which could install the compromised releases.
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

    @Test
    void npmCli2020LocksEslintScopeInsideTheCompromisedRange() {
        String text = read(SharedData.corpus("npm/package-lock-v1/npm-cli-2020__package-lock.json"));
        // A v1 lockfile lists no root dependencies: its top-level entries count as direct (eslint requires this one).
        CheckRun.of(tmp.resolve("empty-db"), "block", project(tmp, "npm", "package-lock.json", text)).assertFindings(1,
                new Seen("advisory/malicious", "npm/eslint-scope@3.7.3", "GHSA-hxxf-q3w9-4xgw", List.of(),
                        "package-lock.json:" + lineOf(text, "\"eslint-scope\": {"), "direct",
                        "pin eslint-scope to 3.7.1 or earlier, or upgrade to 4.0.0 or later"));
    }

    @Test
    void mlflowListsLitellmUnpinned() {
        String text = read(SharedData.corpus("python/requirements-plain/cdxgen-mlflow__extra-ml-requirements.txt"));
        Path project = project(tmp, "mlflow", "extra-ml-requirements.txt", text);
        String at = "extra-ml-requirements.txt:" + lineEqualTo(text, "litellm");
        String remediation = "pin litellm to an exact version that the advisory does not name";
        Seen[] warnings = {
            new Seen("advisory/name-only", "pypi/litellm@", PythonInjectionTest.RECORD_WITHOUT_ID,
                    PythonInjectionTest.ITS_FILE_NAME, at, "direct", remediation),
            new Seen("advisory/name-only", "pypi/litellm@", PythonInjectionTest.LITELLM_INCIDENT,
                    PythonInjectionTest.INCIDENT_ALIASES, at, "direct", remediation),
        };
        CheckRun.of(tmp.resolve("empty-db"), "block", project).assertFindings(0, warnings);
        CheckRun.of(tmp.resolve("empty-db"), "warn", project).assertFindings(1, warnings);
    }
}
