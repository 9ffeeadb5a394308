// SPDX-License-Identifier: Apache-2.0
package dev.provgate.e2e;

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
 * litellm 1.82.8 injected into real poetry.lock and hashed requirements.txt files of the corpus: the check blocks
 * with one finding per incident (MAL-2026-2144, PYSEC-2026-2 and GHSA-5mg7-485q-xm76 list the same bad wheels, so
 * they are one; the MAL- record without id, alias GHSA-92x9-889m-jgmw, is connected to them by nothing and stays
 * a second finding). The remediation is worked out by hand from the records: the lowest affected version is 1.82.7,
 * the last affected 1.82.8 (PYSEC-2026-2 and GHSA-5mg7-485q-xm76 say so; MAL-2026-2144 lists only the versions).
 */
class PythonInjectionTest {
    static final String WHEEL_1_82_8 = "d2a0d5f564628773b6af7b9c11f6b86531a875bd2d186d7081ab62748a800ebb";
    static final String PIN_OR_UPGRADE = "pin litellm to 1.82.6 or earlier, or upgrade to a version after 1.82.8";
    static final String REMOVE_THE_WHEEL = "remove the file with sha256:d2a0d5f56462...; " + PIN_OR_UPGRADE;
    static final String LITELLM_INCIDENT = "MAL-2026-2144";
    static final List<String> INCIDENT_ALIASES = List.of("GHSA-5mg7-485q-xm76", "PYSEC-2026-2");
    static final String RECORD_WITHOUT_ID = "GHSA-92x9-889m-jgmw";
    static final List<String> ITS_FILE_NAME = List.of("MAL-0000-ghsa-malware-979ed75d242b491b");
    private static final String POETRY = "python/poetry-lock-v2/poetry-2024-v2.0__poetry.lock";
    private static final String REQUIREMENTS =
            "python/requirements-hashed/sigstore-conformance-uv-compiled__requirements.txt";

    @TempDir
    Path tmp;

    private Path emptyDb() {
        return tmp.resolve("empty-db");
    }

    @Test
    void poetryLockWithLitellmAsADependencyOfBuild() {
        String text = read(SharedData.corpus(POETRY));
        text = insertBefore(text, "[metadata]", """
                [[package]]
                name = "litellm"
                version = "1.82.8"
                description = "injected by the test"
                optional = false
                python-versions = ">=3.8"
                files = [
                    {file = "litellm-1.82.8.tar.gz", hash = "sha256:%s"},
                ]

                """.formatted("0".repeat(64)));
        text = text.replace("pyproject_hooks = \"*\"\n", "pyproject_hooks = \"*\"\nlitellm = \">=1.82\"\n");
        String at = "poetry.lock:" + (lineOf(text, "name = \"litellm\"") - 1); // its [[package]] header
        CheckRun.of(emptyDb(), "block", project(tmp, "poetry", "poetry.lock", text)).assertFindings(1,
                new Seen("advisory/malicious", "pypi/litellm@1.82.8", RECORD_WITHOUT_ID, ITS_FILE_NAME, at,
                        "build@1.2.2.post1 > litellm@1.82.8", "pin litellm to 1.82.6 or earlier"),
                new Seen("advisory/malicious", "pypi/litellm@1.82.8", LITELLM_INCIDENT, INCIDENT_ALIASES, at,
                        "build@1.2.2.post1 > litellm@1.82.8", PIN_OR_UPGRADE));
    }

    /** The real requirements file with one more requirement, a direct one (uv's "via -r" comment). */
    private static String requirementsWith(String requirement) {
        return read(SharedData.corpus(REQUIREMENTS)) + requirement + "\n    # via -r requirements.in\n";
    }

    @Test
    void requirementsWithTheRealWheelDigest() {
        String text = requirementsWith("litellm==1.82.8 \\\n    --hash=sha256:" + WHEEL_1_82_8);
        String at = "requirements.txt:" + lineOf(text, "litellm==");
        CheckRun.of(emptyDb(), "block", project(tmp, "req", "requirements.txt", text)).assertFindings(1,
                new Seen("advisory/malicious", "pypi/litellm@1.82.8", RECORD_WITHOUT_ID, ITS_FILE_NAME, at, "direct",
                        "pin litellm to 1.82.6 or earlier"),
                new Seen("advisory/malicious", "pypi/litellm@1.82.8", LITELLM_INCIDENT, INCIDENT_ALIASES, at, "direct",
                        REMOVE_THE_WHEEL));
    }

    @Test
    void aChangedVersionStringDoesNotHideTheBadDigest() {
        String text = requirementsWith("litellm==1.82.6 \\\n    --hash=sha256:" + WHEEL_1_82_8);
        CheckRun.of(emptyDb(), "block", project(tmp, "renamed", "requirements.txt", text)).assertFindings(1,
                new Seen("advisory/malicious", "pypi/litellm@1.82.6", LITELLM_INCIDENT, INCIDENT_ALIASES,
                        "requirements.txt:" + lineOf(text, "litellm=="), "direct", REMOVE_THE_WHEEL));
    }

    @Test
    void litellmFromGitSharesOnlyTheName() {
        String url = "git+https://git.example.invalid/litellm.git@v1.82.8";
        String text = requirementsWith("litellm @ " + url);
        Path project = project(tmp, "git", "requirements.txt", text);
        String at = "requirements.txt:" + lineOf(text, "litellm @ ");
        String remediation = "not the registry package (it comes from git " + url + "): check that its code is not "
                + "the compromised release";
        Seen[] warnings = {
            new Seen("advisory/name-only", "pypi/litellm@", RECORD_WITHOUT_ID, ITS_FILE_NAME, at, "direct", remediation),
            new Seen("advisory/name-only", "pypi/litellm@", LITELLM_INCIDENT, INCIDENT_ALIASES, at, "direct",
                    remediation),
        };
        CheckRun.of(emptyDb(), "block", project).assertFindings(0, warnings);
        CheckRun.of(emptyDb(), "warn", project).assertFindings(1, warnings);
    }
}
