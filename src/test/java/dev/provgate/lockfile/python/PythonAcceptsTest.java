// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileParsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which file names each Python parser claims; the real-world paths are those the corpus files came from. */
class PythonAcceptsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "requirements.txt, python/requirements",
            "requirements-dev.txt, python/requirements",
            "test/data/requirements-lock.linux_py3.txt, python/requirements",
            "test/data/chen-science-requirements.txt, python/requirements",
            "test/data/extra-ml-requirements.txt, python/requirements",
            "test/data/requirements.freeze.txt, python/requirements",
            "requirements/main.txt, python/requirements",
            "requirements/full/requirements.txt, python/requirements",
            "lib/requirements/dev.txt, python/requirements",
            "requirements/full/other.txt, none",
            "upper-constraints.txt, python/requirements",
            "constraints-py311.txt, python/requirements",
            "REQUIREMENTS.TXT, python/requirements",
            "notes.txt, none",
            "docs/requirements.in, none",
            "requirements.txt/readme.md, none",
            "poetry.lock, python/poetry-lock",
            "app/poetry.lock, python/poetry-lock",
            "mypoetry.lock, none",
            "uv.lock, python/uv-lock",
            "sub/uv.lock, python/uv-lock",
            "Pipfile.lock, python/pipfile-lock",
            "Pipfile, none",
            "pdm.lock, python/pdm-lock",
            "pylock.toml, python/pylock",
            ".github/pyodide/pylock.314.toml, python/pylock",
            "pylock.dev.toml, python/pylock",
            "pylock.a.b.toml, none",
            "pyproject.toml, none",
    })
    void claimsByFileName(String path, String parser) {
        assertEquals(parser, LockfileParsers.forPath(path).map(p -> p.name()).orElse("none"));
    }
}
