// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import static dev.provgate.lockfile.python.PythonFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileInventory;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each small fixture: the components it must give, as sorted one-line summaries. */
class PythonFixturesTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(new RequirementsParser(), "requirements/pins-hashes-comments.txt", List.of(
                        "Django@4.2.1 runtime registry direct hashes=2 line=3",
                        "oslo.config@9.1.0 runtime registry direct hashes=0 line=7",
                        "requests@2.31.0 runtime registry direct hashes=1 line=8")),
                Arguments.of(new RequirementsParser(), "requirements/unpinned-kept.txt", List.of(
                        "flask@ runtime registry direct hashes=0 line=1",
                        "numpy@ runtime registry direct hashes=0 line=2",
                        "pytest@ runtime registry direct hashes=0 line=4",
                        "torch@ runtime registry direct hashes=0 line=3")),
                Arguments.of(new RequirementsParser(), "requirements/vcs-url-path.txt", List.of(
                        "example-tool@ runtime git direct hashes=0 line=1",
                        "fastthing@0.4.1 runtime url direct hashes=0 line=4",
                        "helper@1.0.0 runtime path direct hashes=0 line=6",
                        "local-lib@ runtime workspace direct hashes=0 line=2",
                        "other@ runtime git direct hashes=0 line=5",
                        "requests@2.31.0 runtime url direct hashes=0 line=3")),
                Arguments.of(new RequirementsParser(), "requirements/includes-main.txt", List.of(
                        "alpha@1.0 runtime registry direct hashes=0 line=4",
                        "beta@2.0 runtime registry direct hashes=0 line=2")),
                Arguments.of(new PoetryLockParser(), "poetry/groups-sources-v2.1.poetry.lock", List.of(
                        "App_Core@1.0.0 runtime registry direct hashes=2 line=3",
                        "helper@2.0.0 optional git transitive hashes=0 line=23",
                        "linter@0.1.0 dev path direct hashes=0 line=39")),
                Arguments.of(new UvLockParser(), "uv/workspace-scopes.uv.lock", List.of(
                        "app@0.1.0 runtime workspace transitive hashes=0 line=5",
                        "checker@5.0.0 dev git direct hashes=0 line=49",
                        "localtool@0.0.1 dev path transitive hashes=0 line=57",
                        "shared@1.1.0 runtime registry transitive hashes=0 line=35",
                        "speedup@0.9.0 optional url direct hashes=1 line=40",
                        "web@3.0.0 runtime registry direct hashes=2 line=23")),
                Arguments.of(new PipfileLockParser(), "pipfile/sections-git-editable-index.Pipfile.lock", List.of(
                        "alpha@1.0.0 dev registry direct hashes=1 line=24",
                        "alpha@1.0.0 runtime registry direct hashes=2 line=12",
                        "project@ dev workspace direct hashes=0 line=28",
                        "tool@ runtime git direct hashes=0 line=18")),
                Arguments.of(new PdmLockParser(), "pdm/extras-merged-v4.5.pdm.lock", List.of(
                        "checker@5.0.0 dev git direct hashes=0 line=44",
                        "localtool@0.0.1 dev workspace direct hashes=0 line=52",
                        "shared@1.1.0 runtime registry transitive hashes=1 line=35",
                        "web@3.0.0 runtime registry direct hashes=2 line=9")),
                Arguments.of(new PylockParser(), "pylock/vcs-directory-archive.pylock.toml", List.of(
                        "bundle@2.0 runtime url direct hashes=1 line=23",
                        "checker@5.0.0 runtime git direct hashes=0 line=14",
                        "project@ runtime workspace direct hashes=0 line=19",
                        "web@3.0.0 runtime registry direct hashes=3 line=4")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void givesTheExpectedComponents(LockfileParser parser, String fixture, List<String> expected) {
        assertEquals(expected, PythonFixtures.summary(parse(parser, fixture)));
    }

    private static Component named(LockfileInventory inv, String name) {
        return inv.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void requirementHashesFromEveryContinuationLineWithoutFileName() {
        LockfileInventory inv = parse(new RequirementsParser(), "requirements/pins-hashes-comments.txt");
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, A, ""), new Hash(HashAlgorithm.SHA256, B, "")),
                named(inv, "Django").hashes());
        Component requests = named(inv, "requests");
        assertEquals("socks,security", requests.attributes().get("python:extras"));
        assertEquals("python_version >= \"3.8\"", requests.attributes().get("python:markers"));
        assertEquals("pkg:pypi/oslo-config@9.1.0", named(inv, "oslo.config").purl());
    }

    @Test
    void unpinnedRequirementsKeepTheirSpecifier() {
        LockfileInventory inv = parse(new RequirementsParser(), "requirements/unpinned-kept.txt");
        assertEquals(Map.of("python:specifier", ">=2.0,<3", "python:unpinned", "specifier"),
                named(inv, "flask").attributes());
        assertEquals(Map.of("python:unpinned", "no version"), named(inv, "numpy").attributes());
        assertEquals("==2.*", named(inv, "torch").attributes().get("python:specifier"));
        assertEquals(">=7.0", named(inv, "pytest").attributes().get("python:specifier"));
    }

    @Test
    void vcsUrlAndPathRequirementsRecordWhereTheyComeFrom() {
        LockfileInventory inv = parse(new RequirementsParser(), "requirements/vcs-url-path.txt");
        Component tool = named(inv, "example-tool");
        assertEquals("git+https://github.com/example/tool.git@v1.2#egg=example-tool", tool.source().url());
        assertEquals("v1.2", tool.attributes().get("python:vcs-ref"));
        assertEquals("editable", tool.attributes().get("python:unpinned"));
        assertEquals("0123abc", named(inv, "other").attributes().get("python:vcs-ref"));
        assertEquals("vcs", named(inv, "other").attributes().get("python:unpinned"));
        assertEquals("https://example.invalid/files/requests-2.31.0.tar.gz", named(inv, "requests").source().url());
        assertEquals("url", named(inv, "requests").attributes().get("python:unpinned"));
        assertEquals("sys_platform == \"linux\"", named(inv, "fastthing").attributes().get("python:markers"));
        assertEquals("../dist/helper-1.0.0-py3-none-any.whl", named(inv, "helper").source().url());
        assertEquals("path", named(inv, "helper").attributes().get("python:unpinned"));
        assertEquals("./packages/local-lib", named(inv, "local-lib").source().url());
        assertTrue(inv.components().stream().noneMatch(Component::pinnedToRegistryVersion));
    }

    @Test
    void includesShareTheIndexOptionsAndConstraintsAddNothing() {
        LockfileInventory inv = parse(new RequirementsParser(), "requirements/includes-main.txt");
        Component beta = named(inv, "beta");
        assertEquals("requirements/includes-child.txt", beta.location().file());
        assertEquals("https://index.example.invalid/simple", beta.source().registry());
        assertEquals("https://extra.example.invalid/simple", beta.attributes().get("python:extra-index-urls"));
        assertEquals("requirements/includes-main.txt", named(inv, "alpha").location().file());
        assertEquals("https://index.example.invalid/simple", named(inv, "alpha").source().registry());
    }

    @Test
    void poetrySourcesHashesAndEdges() {
        LockfileInventory inv = parse(new PoetryLockParser(), "poetry/groups-sources-v2.1.poetry.lock");
        Component core = named(inv, "App_Core");
        assertEquals("pkg:pypi/app-core@1.0.0", core.purl());
        assertEquals("https://index.example.invalid/simple", core.source().registry());
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, A, "app_core-1.0.0-py3-none-any.whl"),
                new Hash(HashAlgorithm.SHA256, B, "app_core-1.0.0.tar.gz")), core.hashes());
        Component helper = named(inv, "helper");
        assertEquals("https://github.com/example/helper.git", helper.source().url());
        assertEquals("0123456789abcdef0123456789abcdef01234567", helper.attributes().get("python:vcs-commit"));
        assertEquals("../linter", named(inv, "linter").source().url());
        assertEquals(List.of(new Dependency("pkg:pypi/app-core@1.0.0", "pkg:pypi/helper@2.0.0")),
                inv.dependencies());
    }

    @Test
    void uvHashesAreNamedByFileAndEdgesCoverEveryKind() {
        LockfileInventory inv = parse(new UvLockParser(), "uv/workspace-scopes.uv.lock");
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, B, "web-3.0.0-py3-none-any.whl"),
                new Hash(HashAlgorithm.SHA256, A, "web-3.0.0.tar.gz")), named(inv, "web").hashes());
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, C, "speedup-0.9.0.tar.gz")),
                named(inv, "speedup").hashes());
        assertEquals("https://index.example.invalid/simple", named(inv, "web").source().registry());
        assertEquals("tools/localtool", named(inv, "localtool").source().url());
        assertEquals(6, inv.dependencies().size());
        assertTrue(inv.dependencies().contains(new Dependency("pkg:pypi/app@0.1.0", "pkg:pypi/checker@5.0.0")));
    }

    @Test
    void pipfileIndexesGitAndEditableEntries() {
        LockfileInventory inv = parse(new PipfileLockParser(), "pipfile/sections-git-editable-index.Pipfile.lock");
        Component runtimeAlpha = inv.components().get(0);
        assertEquals("https://private.example.invalid/simple", runtimeAlpha.source().registry());
        assertEquals("python_version >= '3.8'", runtimeAlpha.attributes().get("python:markers"));
        assertEquals("https://index.example.invalid/simple", inv.components().get(2).source().registry());
        Component tool = named(inv, "tool");
        assertEquals("https://github.com/example/tool.git", tool.source().url());
        assertEquals("0123456789abcdef0123456789abcdef01234567", tool.attributes().get("python:vcs-ref"));
        assertEquals("tests", named(inv, "project").attributes().get("python:extras"));
        assertTrue(inv.dependencies().isEmpty());
    }

    @Test
    void pdmMergesTheExtrasTableIntoOneComponent() {
        LockfileInventory inv = parse(new PdmLockParser(), "pdm/extras-merged-v4.5.pdm.lock");
        Component web = named(inv, "web");
        assertEquals("async", web.attributes().get("python:extras"));
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, A, "web-3.0.0-py3-none-any.whl"),
                new Hash(HashAlgorithm.SHA256, B, "web-3.0.0.tar.gz")), web.hashes());
        assertEquals("0123456789abcdef0123456789abcdef01234567",
                named(inv, "checker").attributes().get("python:vcs-commit"));
        assertEquals(List.of(new Dependency("pkg:pypi/web@3.0.0", "pkg:pypi/shared@1.1.0")), inv.dependencies());
    }

    @Test
    void pylockKeepsEveryAlgorithmPerFile() {
        LockfileInventory inv = parse(new PylockParser(), "pylock/vcs-directory-archive.pylock.toml");
        Component web = named(inv, "web");
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, B, "web-3.0.0-py3-none-any.whl"),
                new Hash(HashAlgorithm.SHA512, "d".repeat(128), "web-3.0.0-py3-none-any.whl"),
                new Hash(HashAlgorithm.SHA256, A, "web-3.0.0.tar.gz")), web.hashes());
        assertEquals("https://index.example.invalid/simple", web.source().registry());
        assertEquals("python_version >= '3.9'", web.attributes().get("python:markers"));
        assertEquals("https://example.invalid/bundle-2.0.tar.gz", named(inv, "bundle").source().url());
        assertEquals("0123456789abcdef0123456789abcdef01234567",
                named(inv, "checker").attributes().get("python:vcs-commit"));
    }
}
