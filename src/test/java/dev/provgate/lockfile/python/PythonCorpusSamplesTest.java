// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import static dev.provgate.lockfile.python.PythonCorpusTest.assertSample;
import static dev.provgate.lockfile.python.PythonCorpusTest.find;
import static dev.provgate.lockfile.python.PythonCorpusTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.Scope;
import dev.provgate.model.SourceKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sample entries per corpus file, picked by reading the files: name, version, line, scope, source, hashes. */
class PythonCorpusSamplesTest {
    private static void assertHash(Component c, String sha256, String file) {
        assertTrue(c.hashes().contains(new Hash(HashAlgorithm.SHA256, sha256, file)), c.name() + " " + file);
    }

    @Test
    void requirementsHashedKeepEveryHashOfTheContinuation() throws Exception {
        LockfileInventory inv = parse(new RequirementsParser(), "requirements-hashed/warehouse-2021__main.txt");
        Component alembic = find(inv, "alembic", "1.4.3");
        assertSample(alembic, Scope.RUNTIME, SourceKind.REGISTRY, 2);
        assertEquals(7, alembic.location().line());
        assertHash(alembic, "5334f32314fb2a56d86b4c4dd1ae34b08c03cae4cb888bc699942104d66bc245", "");
        assertEquals("pkg:pypi/zope-deprecation@4.4.0", find(inv, "zope.deprecation", "4.4.0").purl());
        assertTrue(alembic.pinnedToRegistryVersion());
    }

    @Test
    void requirementsExportKeepMarkersExtrasAndExtraIndexes() throws Exception {
        LockfileInventory inv = parse(new RequirementsParser(),
                "requirements-hashed/cdxgen-chen-science-poetry-export__requirements.txt");
        Component nx = inv.components().stream().filter(c -> c.location().line() == 594).findFirst().orElseThrow();
        assertEquals("networkx", nx.name());
        assertEquals("3.1", nx.version());
        assertEquals("default,extra", nx.attributes().get("python:extras"));
        assertEquals("python_full_version >= \"3.8.1\" and python_version < \"3.12\"",
                nx.attributes().get("python:markers"));
        assertEquals("https://data.pyg.org/whl/torch-2.0.0+cpu.html https://download.pytorch.org/whl/cpu",
                nx.attributes().get("python:extra-index-urls"));
        Component torch = find(inv, "torch", "2.0.1+cpu");
        assertHash(torch, "274d4acf486ef50ce1066ffe9d500beabb32bde69db93e3b71d0892dd148956c", "");
    }

    @Test
    void requirementsPlainKeepUnpinnedEditableAndUrlEntries() throws Exception {
        LockfileInventory dev = parse(new RequirementsParser(),
                "requirements-plain/psf-requests-2023-editable-extras__requirements-dev.txt");
        Component editable = dev.components().get(0);
        assertSample(editable, Scope.RUNTIME, SourceKind.WORKSPACE, 0);
        assertEquals(".", editable.source().url());
        assertEquals("socks", editable.attributes().get("python:extras"));
        assertEquals("editable", editable.attributes().get("python:unpinned"));
        Component pytest = find(dev, "pytest", "");
        assertEquals(">=2.8.0,<=6.2.5", pytest.attributes().get("python:specifier"));
        assertEquals("no version", find(dev, "trustme", "").attributes().get("python:unpinned"));

        LockfileInventory urls = parse(new RequirementsParser(),
                "requirements-plain/text-generation-webui-urls-markers__requirements.txt");
        Component gradio = find(urls, "gradio", "4.37.2+custom.20");
        assertSample(gradio, Scope.RUNTIME, SourceKind.URL, 0);
        assertEquals("https://github.com/oobabooga/gradio/releases/download/4.37.2-custom.20/"
                + "gradio-4.37.2+custom.20-py3-none-any.whl", gradio.source().url());
        assertFalse(gradio.pinnedToRegistryVersion());
        assertEquals("==1.13.*", find(urls, "accelerate", "").attributes().get("python:specifier"));
        assertEquals(11, urls.components().stream().filter(Component::pinnedToRegistryVersion).count());
    }

    static Stream<Arguments> pinnedRequirements() {
        return Stream.of(
                Arguments.of("requirements-hashed/cdxgen-bazel-pip-compile__requirements-lock.linux_py3.txt", 377),
                Arguments.of("requirements-hashed/sigstore-conformance-uv-compiled__requirements.txt", 28),
                Arguments.of("requirements-plain/cdxgen-mlflow__extra-ml-requirements.txt", 0),
                Arguments.of("requirements-plain/cdxgen-pip-freeze__requirements.freeze.txt", 113),
                Arguments.of("requirements-plain/openstack-2025-upper-constraints-triple-eq__upper-constraints.txt",
                        603),
                Arguments.of("requirements-plain/psf-requests-2023-editable-extras__requirements-dev.txt", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pinnedRequirements")
    void requirementsPinnedCounts(String file, long pinned) throws Exception {
        LockfileInventory inv = parse(new RequirementsParser(), file);
        assertEquals(pinned, inv.components().stream().filter(Component::pinnedToRegistryVersion).count());
    }

    @Test
    void requirementsTripleEqualsPins() throws Exception {
        LockfileInventory inv = parse(new RequirementsParser(),
                "requirements-plain/openstack-2025-upper-constraints-triple-eq__upper-constraints.txt");
        Component first = inv.components().get(0);
        assertEquals("voluptuous", first.name());
        assertEquals("0.15.2", first.version());
        assertEquals(1, first.location().line());
    }

    @Test
    void poetryOldFormatTakesHashesFromMetadataFiles() throws Exception {
        LockfileInventory inv = parse(new PoetryLockParser(),
                "poetry-lock-v1/cdxgen-pre-1.1-no-lock-version__poetry.lock");
        Component certifi = find(inv, "certifi", "2019.9.11");
        assertSample(certifi, Scope.OPTIONAL, SourceKind.REGISTRY, 2);
        assertHash(certifi, "fd7c7c74727ddcf00e9acd26bba8da604ffec95bf1c2144e67aff7a8b50e6cef",
                "certifi-2019.9.11-py2.py3-none-any.whl");
    }

    @Test
    void poetryV11CategoryAndMixedCaseNames() throws Exception {
        LockfileInventory inv = parse(new PoetryLockParser(), "poetry-lock-v1/poetry-2022-v1.1__poetry.lock");
        Component secret = find(inv, "SecretStorage", "3.3.3");
        assertSample(secret, Scope.RUNTIME, SourceKind.REGISTRY, 2);
        assertEquals(769, secret.location().line());
        assertEquals("pkg:pypi/secretstorage@3.3.3", secret.purl());
        assertHash(secret, "2403533ef369eca6d2ba81718576c5e0f564d5cca1b58f73a8b23e7d4eeebd77",
                "SecretStorage-3.3.3.tar.gz");
        Component requests = find(inv, "requests", "2.28.1");
        assertTrue(inv.dependencies().contains(new dev.provgate.model.Dependency(requests.purl(),
                "pkg:pypi/urllib3@1.26.12")), "requests -> urllib3");

        LockfileInventory other = parse(new PoetryLockParser(), "poetry-lock-v1/cdxgen-v1.1__poetry1.lock");
        assertSample(find(other, "pytest", "7.2.0"), Scope.DEV, SourceKind.REGISTRY, 2);
    }

    @Test
    void poetryV2InlineFilesGroupsAndGitSource() throws Exception {
        assertSample(find(parse(new PoetryLockParser(), "poetry-lock-v2/cdxgen-cpggen-v2.0__poetry-cpggen.lock"),
                "pyinstaller", "5.11.0"), Scope.DEV, SourceKind.REGISTRY, 12);
        Component dulwich = find(parse(new PoetryLockParser(), "poetry-lock-v2/poetry-2024-v2.0__poetry.lock"),
                "dulwich", "0.22.7");
        assertSample(dulwich, Scope.RUNTIME, SourceKind.REGISTRY, 42);
        assertHash(dulwich, "925cec97aeefda3f950e45e8d4c247e4ce6f83b6ee96e383c82f9bced626151f",
                "dulwich-0.22.7-cp310-cp310-win32.whl");
        Component core = find(parse(new PoetryLockParser(), "poetry-lock-v2/poetry-v2.1__poetry.lock"),
                "poetry-core", "2.4.1");
        assertSample(core, Scope.RUNTIME, SourceKind.GIT, 0);
        assertEquals("https://github.com/python-poetry/poetry-core.git", core.source().url());
        assertEquals("e3998b0e111dc03e4aa721fd054c48e5c7de6fc5", core.attributes().get("python:vcs-commit"));
        assertEquals(1402, core.location().line());
    }

    @Test
    void uvWorkspaceGitOptionalAndDevScopes() throws Exception {
        LockfileInventory inv = parse(new UvLockParser(), "uv-lock/pydantic__uv.lock");
        Component emailValidator = find(inv, "email-validator", "2.2.0");
        assertSample(emailValidator, Scope.OPTIONAL, SourceKind.REGISTRY, 2);
        assertEquals(928, emailValidator.location().line());
        assertTrue(emailValidator.source().registry().endsWith("/simple"));
        assertHash(emailValidator, "cb690f344c617a714f22e66ae771445a1ceb46821152df8e165c5f9a364582b7",
                "email_validator-2.2.0.tar.gz");
        assertSample(find(inv, "pytest", "9.1.1"), Scope.DEV, SourceKind.REGISTRY, 2);
        assertSample(find(inv, "typing-extensions", "4.15.0"), Scope.RUNTIME, SourceKind.REGISTRY, 2);
        Component core = find(inv, "pydantic-core", "");
        assertSample(core, Scope.RUNTIME, SourceKind.WORKSPACE, 0);
        assertTrue(core.direct());
        Component docs = find(inv, "pydantic-docs", "0.0.1");
        assertSample(docs, Scope.DEV, SourceKind.GIT, 0);
        assertEquals("https://github.com/pydantic/pydantic-docs#6f657b30593b00cf5f7c0b7eca74e83b3b6b7819",
                docs.source().url());
    }

    @Test
    void uvEditableRootAndOptionalExtras() throws Exception {
        LockfileInventory inv = parse(new UvLockParser(), "uv-lock/comfy-cli__uv.lock");
        Component root = find(inv, "comfy-cli", "0.0.0");
        assertSample(root, Scope.RUNTIME, SourceKind.WORKSPACE, 0);
        assertEquals(176, root.location().line());
        assertFalse(root.direct());
        assertSample(find(inv, "pytest", "9.0.3"), Scope.OPTIONAL, SourceKind.REGISTRY, 2);
        Component typer = find(inv, "typer", "0.21.1");
        assertHash(typer, "7985e89081c636b88d172c2ee0cfe33c253160994d47bdfdc302defd7d1f1d01",
                "typer-0.21.1-py3-none-any.whl");
        assertEquals(1362, typer.location().line());
    }

    @Test
    void pipfileSectionsIndexesGitAndEditable() throws Exception {
        LockfileInventory cdx = parse(new PipfileLockParser(), "pipfile-lock/cdxgen__Pipfile.lock");
        Component flask = find(cdx, "flask", "0.12.0");
        assertSample(flask, Scope.RUNTIME, SourceKind.REGISTRY, 2);
        assertEquals(24, flask.location().line());
        assertTrue(flask.source().registry().endsWith("/simple"));
        assertHash(flask, "7f03bb2c255452444f7265eddb51601806e5447b6f8a2d50bbc77a654a14c118", "");

        LockfileInventory old = parse(new PipfileLockParser(), "pipfile-lock/pipenv-2019-git-editable__Pipfile.lock");
        Component passa = find(old, "passa", "0.3.1.dev0");
        assertSample(passa, Scope.DEV, SourceKind.GIT, 0);
        assertEquals("https://github.com/sarugaku/passa.git", passa.source().url());
        assertEquals("a2ba0b30c86339cae5ef3a03046fc9c583452c40", passa.attributes().get("python:vcs-ref"));
        Component pipenv = find(old, "pipenv", "");
        assertSample(pipenv, Scope.DEV, SourceKind.WORKSPACE, 0);
        assertEquals("dev,tests", pipenv.attributes().get("python:extras"));

        Component server = find(parse(new PipfileLockParser(), "pipfile-lock/pipenv__Pipfile.lock"),
                "pypiserver", "2.4.1");
        assertSample(server, Scope.DEV, SourceKind.REGISTRY, 2);
        assertEquals("('dev' in dependency_groups) and (python_version >= '3.10')",
                server.attributes().get("python:markers"));
    }

    @Test
    void pdmMergesExtrasAndReadsEveryHashLayout() throws Exception {
        LockfileInventory old = parse(new PdmLockParser(), "pdm-lock/cdxgen-pdm-2023-metadata-at-end__pdm.lock");
        Component cc = find(old, "cachecontrol", "0.13.1");
        assertSample(cc, Scope.RUNTIME, SourceKind.REGISTRY, 2);
        assertEquals(10, cc.location().line());
        assertEquals("filecache", cc.attributes().get("python:extras"));
        assertEquals(1, old.components().stream().filter(c -> c.name().equals("cachecontrol")).count());
        assertHash(cc, "f012366b79d2243a6118309ce73151bf52a38d4a5dac8ea57f09bd29087e506b",
                "cachecontrol-0.13.1.tar.gz");

        Component arpeggio = find(parse(new PdmLockParser(), "pdm-lock/pdm-2022-v3.1__pdm.lock"),
                "arpeggio", "1.10.2");
        assertSample(arpeggio, Scope.RUNTIME, SourceKind.REGISTRY, 2);
        assertHash(arpeggio, "fed68a1cb7f529cbd4d725597cc811b7506885fcdef17d4cdcf564341a1e210b",
                "Arpeggio-1.10.2-py2.py3-none-any.whl");

        LockfileInventory current = parse(new PdmLockParser(), "pdm-lock/pdm-v4.5__pdm.lock");
        Component rich = find(current, "rich", "15.0.0");
        assertSample(rich, Scope.RUNTIME, SourceKind.REGISTRY, 2);
        assertEquals(1595, rich.location().line());
        assertSample(find(current, "pytest", "9.0.3"), Scope.DEV, SourceKind.REGISTRY, 2);
    }

    @Test
    void pylockSourcesHashesAndMarkers() throws Exception {
        Component comfy = find(parse(new PylockParser(), "pylock-toml/comfy-cli-uv-export__pylock.toml"),
                "comfy-cli", "");
        assertSample(comfy, Scope.RUNTIME, SourceKind.WORKSPACE, 0);
        assertEquals(".", comfy.source().url());

        Component certifi = find(parse(new PylockParser(),
                "pylock-toml/osv-scalibr-fixture-pdm-export__pdm-full.toml"), "certifi", "2025.1.31");
        assertSample(certifi, Scope.RUNTIME, SourceKind.REGISTRY, 2);
        assertEquals(10, certifi.location().line());
        assertEquals("python_version >= \"3.6\" and \"security\" in extras",
                certifi.attributes().get("python:markers"));
        assertHash(certifi, "3d5da6925056f6f18f119200434a4780a94263f10d1c21d032a6f6b2baa20651",
                "certifi-2025.1.31.tar.gz");

        Component cffi = find(parse(new PylockParser(), "pylock-toml/pydantic-people-uv-pip-compile__pylock.toml"),
                "cffi", "2.0.0");
        assertSample(cffi, Scope.RUNTIME, SourceKind.REGISTRY, 35);
        assertHash(cffi, "44d1b5909021139fe36001ae048dbdde8214afa20200eda0f64c068cac5d5529", "cffi-2.0.0.tar.gz");

        Component attrs = find(parse(new PylockParser(), "pylock-toml/pydantic-pyodide-pip-lock__pylock.314.toml"),
                "attrs", "26.1.0");
        assertSample(attrs, Scope.RUNTIME, SourceKind.REGISTRY, 1);
        assertEquals(26, attrs.location().line());
        assertHash(attrs, "b5f2e20d25fbeb55950af8cda6b5ef71d47e60872587d11ab6b6425b0d7c2c92",
                "attrs-26.1.0-py3-none-any.whl");
    }
}
