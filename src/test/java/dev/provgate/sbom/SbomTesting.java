// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Inventory;
import dev.provgate.model.Location;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;

/** Hand-built inventories, fixtures and the CycloneDX schema check shared by the SBOM tests. */
final class SbomTesting {
    static final String SHA512_A = "a".repeat(128);
    static final String SHA1_B = "b".repeat(40);
    /** Another registry's digest for the same name@version. */
    static final String SHA512_OTHER = "f".repeat(128);
    static final String SHA256_WHEEL = "c".repeat(64);
    static final String SHA256_SDIST = "d".repeat(64);
    static final String SHA256_JAR = "e".repeat(64);

    private SbomTesting() {
    }

    /** A resource under src/test/resources/dev/provgate/sbom/, as a lockfile source named after the file. */
    static LockfileSource fixture(String name) {
        try (InputStream in = SbomTesting.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new LockfileSource(name, in.readAllBytes(), "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schema errors of a generated SBOM, checked with CycloneDX Core Java's bundled schemas (no network). */
    static void assertSchemaValid(byte[] sbom, SbomFormat format, SpecVersion version) {
        try {
            var errors = format == SbomFormat.JSON
                    ? new JsonParser().validate(sbom, version.cyclonedx())
                    : new XmlParser().validate(sbom, version.cyclonedx());
            assertEquals(List.of(), errors.stream().map(Throwable::getMessage).toList(),
                    format + " " + version.label());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** npm: a scoped package installed twice (once dev, once runtime), a git package, a workspace link. */
    static LockfileInventory npmLockfile() {
        Component babelDev = Component.builder(Ecosystem.NPM, "@babel/core", "7.24.0")
                .scope(Scope.DEV).direct(true)
                .source(Source.registry("https://npm.registry.invalid/@babel/core/-/core-7.24.0.tgz"))
                .hash(new Hash(HashAlgorithm.SHA512, SHA512_A))
                .location(new Location("app/package-lock.json", 12)).installScript(InstallScript.RUNS)
                .attribute("npm:path", "node_modules/@babel/core").build();
        Component babelAgain = Component.builder(Ecosystem.NPM, "@babel/core", "7.24.0")
                .scope(Scope.RUNTIME)
                .source(Source.registry("https://npm.registry.invalid/@babel/core/-/core-7.24.0.tgz"))
                .hash(new Hash(HashAlgorithm.SHA512, SHA512_A)).hash(new Hash(HashAlgorithm.SHA1, SHA1_B))
                .location(new Location("app/package-lock.json", 40)).build();
        Component fromGit = Component.builder(Ecosystem.NPM, "left-pad", "1.3.0")
                .source(Source.of(SourceKind.GIT, "git+https://git.example.invalid/left-pad.git#abc123"))
                .location(new Location("app/package-lock.json", 55)).build();
        Component scpGit = Component.builder(Ecosystem.NPM, "right-pad", "1.0.0").scope(Scope.PEER)
                .source(Source.of(SourceKind.GIT, "git@git.example.invalid:org/right-pad.git"))
                .location(new Location("app/package-lock.json", 60)).build();
        Component workspace = Component.builder(Ecosystem.NPM, "shared", "0.1.0").direct(true)
                .source(Source.of(SourceKind.WORKSPACE, "packages/shared"))
                .location(new Location("app/package-lock.json", 70)).build();
        return new LockfileInventory("app/package-lock.json", "npm/package-lock", Ecosystem.NPM,
                List.of(babelDev, babelAgain, fromGit, scpGit, workspace),
                List.of(new Dependency(babelDev.purl(), fromGit.purl()),
                        new Dependency(workspace.purl(), babelDev.purl()),
                        new Dependency(workspace.purl(), "pkg:npm/not-in-the-inventory@1.0.0")));
    }

    /** PyPI with per-file digests (a wheel and an sdist), Maven with a jar digest. */
    static LockfileInventory pythonLockfile() {
        Component requests = Component.builder(Ecosystem.PYPI, "Requests", "2.31.0").direct(true)
                .scope(Scope.OPTIONAL)
                .hash(new Hash(HashAlgorithm.SHA256, SHA256_WHEEL, "requests-2.31.0-py3-none-any.whl"))
                .hash(new Hash(HashAlgorithm.SHA256, SHA256_SDIST, "requests-2.31.0.tar.gz"))
                .source(new Source(SourceKind.REGISTRY, "", "https://pypi.example.invalid/simple"))
                .location(new Location("svc/poetry.lock", 3)).attribute("python:markers", "python_version >= '3.8'")
                .build();
        Component babelShared = Component.builder(Ecosystem.NPM, "@babel/core", "7.24.0")
                .scope(Scope.DEV).hash(new Hash(HashAlgorithm.SHA512, SHA512_OTHER))
                .location(new Location("svc/poetry.lock", 99)).build();
        return new LockfileInventory("svc/poetry.lock", "python/poetry", Ecosystem.PYPI,
                List.of(requests, babelShared), List.of());
    }

    static LockfileInventory mavenLockfile() {
        Component guava = Component.builder(Ecosystem.MAVEN, "com.google.guava:guava", "33.0.0-jre").direct(true)
                .hash(new Hash(HashAlgorithm.SHA256, SHA256_JAR, "guava-33.0.0-jre.jar"))
                .location(new Location("lib/lockfile.json", 8)).build();
        Component failure = Component.builder(Ecosystem.MAVEN, "com.google.guava:failureaccess", "1.0.2")
                .location(new Location("lib/lockfile.json", 20)).build();
        return new LockfileInventory("lib/lockfile.json", "maven/maven-lockfile", Ecosystem.MAVEN,
                List.of(guava, failure), List.of(new Dependency(guava.purl(), failure.purl())));
    }

    static Inventory sampleInventory() {
        return new Inventory(List.of(npmLockfile(), pythonLockfile(), mavenLockfile()));
    }

    static SbomOptions options(SpecVersion version, SbomFormat format) {
        return new SbomOptions(version, format, "demo", "0.1.0-test", null);
    }
}
