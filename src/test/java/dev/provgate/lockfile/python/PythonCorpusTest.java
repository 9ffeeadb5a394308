// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.model.SourceKind;
import dev.provgate.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Python file of the shared corpus parses, with the figures scripts/corpus/python_counts.py works out on
 * its own (standard library TOML and JSON readers): components, per-file hashes, scopes, source kinds, direct
 * components and dependency edges.
 */
class PythonCorpusTest {
    private static final LockfileParser REQUIREMENTS = new RequirementsParser();
    private static final LockfileParser POETRY = new PoetryLockParser();
    private static final LockfileParser UV = new UvLockParser();
    private static final LockfileParser PIPFILE = new PipfileLockParser();
    private static final LockfileParser PDM = new PdmLockParser();
    private static final LockfileParser PYLOCK = new PylockParser();

    static LockfileInventory parse(LockfileParser parser, String corpusPath) throws Exception {
        Path file = SharedData.corpus("python/" + corpusPath);
        return parser.parse(new LockfileSource(corpusPath, Files.readAllBytes(file), file.toString()));
    }

    static Stream<Arguments> files() {
        return Stream.of(
                row(REQUIREMENTS, "requirements-hashed/cdxgen-bazel-pip-compile__requirements-lock.linux_py3.txt",
                        377, 2797, "runtime=377", "registry=377", 377, 0),
                row(REQUIREMENTS, "requirements-hashed/cdxgen-chen-science-poetry-export__requirements.txt",
                        88, 1068, "runtime=88", "registry=88", 88, 0),
                row(REQUIREMENTS, "requirements-hashed/sigstore-conformance-uv-compiled__requirements.txt",
                        28, 506, "runtime=28", "registry=28", 28, 0),
                row(REQUIREMENTS, "requirements-hashed/warehouse-2021__main.txt",
                        122, 676, "runtime=122", "registry=122", 122, 0),
                row(REQUIREMENTS, "requirements-plain/cdxgen-mlflow__extra-ml-requirements.txt",
                        47, 0, "runtime=47", "registry=47", 47, 0),
                row(REQUIREMENTS, "requirements-plain/cdxgen-pip-freeze__requirements.freeze.txt",
                        113, 0, "runtime=113", "registry=113", 113, 0),
                row(REQUIREMENTS,
                        "requirements-plain/openstack-2025-upper-constraints-triple-eq__upper-constraints.txt",
                        603, 0, "runtime=603", "registry=603", 603, 0),
                row(REQUIREMENTS, "requirements-plain/psf-requests-2023-editable-extras__requirements-dev.txt",
                        8, 0, "runtime=8", "registry=7 workspace=1", 8, 0),
                row(REQUIREMENTS, "requirements-plain/text-generation-webui-urls-markers__requirements.txt",
                        47, 0, "runtime=47", "registry=37 url=10", 47, 0),
                row(POETRY, "poetry-lock-v1/cdxgen-pre-1.1-no-lock-version__poetry.lock",
                        32, 134, "dev=3 optional=14 runtime=15", "registry=32", 6, 33),
                row(POETRY, "poetry-lock-v1/cdxgen-v1.1__poetry1.lock",
                        68, 736, "dev=25 runtime=43", "registry=68", 11, 85),
                row(POETRY, "poetry-lock-v1/poetry-2022-v1.1__poetry.lock",
                        83, 654, "dev=33 runtime=50", "registry=83", 29, 77),
                row(POETRY, "poetry-lock-v2/cdxgen-cpggen-v2.0__poetry-cpggen.lock",
                        69, 434, "dev=33 runtime=36", "registry=69", 10, 82),
                row(POETRY, "poetry-lock-v2/poetry-2024-v2.0__poetry.lock",
                        68, 751, "runtime=68", "registry=68", 25, 61),
                row(POETRY, "poetry-lock-v2/poetry-v2.1__poetry.lock",
                        78, 1105, "dev=25 runtime=53", "git=1 registry=77", 26, 87),
                row(UV, "uv-lock/comfy-cli__uv.lock",
                        74, 723, "optional=22 runtime=52", "registry=73 workspace=1", 26, 106),
                row(UV, "uv-lock/pydantic-2025-norevision__uv.lock",
                        121, 1512, "dev=112 optional=4 runtime=5", "registry=120 workspace=1", 42, 223),
                row(UV, "uv-lock/pydantic__uv.lock",
                        176, 2077, "dev=167 optional=4 runtime=5", "git=1 registry=173 workspace=2", 62, 361),
                row(PIPFILE, "pipfile-lock/cdxgen__Pipfile.lock",
                        46, 153, "dev=37 runtime=9", "registry=46", 46, 0),
                row(PIPFILE, "pipfile-lock/pipenv-2019-git-editable__Pipfile.lock",
                        100, 234, "dev=100", "git=1 registry=97 workspace=2", 100, 0),
                row(PIPFILE, "pipfile-lock/pipenv__Pipfile.lock",
                        110, 910, "dev=100 runtime=10", "registry=110", 110, 0),
                row(PDM, "pdm-lock/cdxgen-pdm-2023-metadata-at-end__pdm.lock",
                        37, 208, "runtime=37", "registry=37", 1, 47),
                row(PDM, "pdm-lock/pdm-2022-v3.1__pdm.lock",
                        84, 327, "runtime=84", "registry=84", 25, 116),
                row(PDM, "pdm-lock/pdm-v4.5__pdm.lock",
                        96, 675, "dev=58 runtime=38", "registry=96", 28, 142),
                row(PYLOCK, "pylock-toml/comfy-cli-uv-export__pylock.toml",
                        48, 269, "runtime=48", "registry=47 workspace=1", 48, 0),
                row(PYLOCK, "pylock-toml/osv-scalibr-fixture-pdm-export__pdm-full.toml",
                        10, 20, "runtime=10", "registry=10", 10, 0),
                row(PYLOCK, "pylock-toml/pydantic-people-uv-pip-compile__pylock.toml",
                        19, 251, "runtime=19", "registry=19", 19, 0),
                row(PYLOCK, "pylock-toml/pydantic-pyodide-pip-lock__pylock.314.toml",
                        35, 35, "runtime=35", "registry=35", 35, 0));
    }

    private static Arguments row(LockfileParser parser, String file, int components, int hashes, String scopes,
                                 String kinds, int direct, int edges) {
        return Arguments.of(file, parser, components, hashes, scopes, kinds, direct, edges);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void parsesWithTheIndependentCounts(String file, LockfileParser parser, int components, int hashes,
                                        String scopes, String kinds, int direct, int edges) throws Exception {
        LockfileInventory inv = parse(parser, file);
        assertEquals(components, inv.components().size(), "components");
        assertEquals(hashes, inv.components().stream().mapToInt(c -> c.hashes().size()).sum(), "hashes");
        assertEquals(scopes, counts(inv, c -> c.scope().label()), "scopes");
        assertEquals(kinds, counts(inv, c -> c.source().kind().label()), "source kinds");
        assertEquals(direct, inv.components().stream().filter(Component::direct).count(), "direct");
        assertEquals(edges, inv.dependencies().size(), "edges");
    }

    private static String counts(LockfileInventory inv, java.util.function.Function<Component, String> key) {
        Map<String, Long> byKey = new TreeMap<>(inv.components().stream()
                .collect(Collectors.groupingBy(key, Collectors.counting())));
        return byKey.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    static Component find(LockfileInventory inv, String name, String version) {
        return inv.components().stream().filter(c -> c.name().equals(name) && c.version().equals(version))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + "@" + version));
    }

    static void assertSample(Component c, Scope scope, SourceKind kind, int hashCount) {
        assertEquals(scope, c.scope(), c.name() + " scope");
        assertEquals(kind, c.source().kind(), c.name() + " source");
        assertEquals(hashCount, c.hashes().size(), c.name() + " hashes");
    }
}
