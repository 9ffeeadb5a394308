// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.LockfileInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PackageLockParserTest {
    private static final String REGISTRY = "https://npm.registry.invalid/";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("one-package.v3.json", List.of(
                        "left-pad@1.3.0 runtime direct registry " + REGISTRY + "left-pad/-/left-pad-1.3.0.tgz line=14"
                                + " sha512:1f40fc92 npm:path=node_modules/left-pad")),
                Arguments.of("scoped-packages.v3.json", List.of(
                        "@babel/core@7.1.0 dev direct registry https://registry.example.test/npm/@babel/core/-/"
                                + "core-7.1.0.tgz line=9 sha1:86f7e437 npm:path=node_modules/@babel/core",
                        "@babel/types@7.1.2 dev transitive registry https://registry.example.test/npm/@babel/types/"
                                + "-/types-7.1.2.tgz line=18 sha256:3e23e816 npm:path=node_modules/@babel/types")),
                Arguments.of("alias.v2.json", List.of(
                        "string-width@4.2.3 runtime direct registry " + REGISTRY
                                + "string-width/-/string-width-4.2.3.tgz line=9 sha384:40f98a05"
                                + " npm:alias=string-width-cjs npm:path=node_modules/string-width-cjs")),
                Arguments.of("link-workspace.v3.json", List.of(
                        "ms@1.0.0 runtime direct registry line=35 npm:path=packages/app/node_modules/ms",
                        "ms@2.1.3 dev direct registry line=23 npm:path=node_modules/ms",
                        "tap@16.0.0 dev direct registry line=16 npm:path=node_modules/tap")),
                Arguments.of("same-version-twice.v3.json", List.of(
                        "a@1.0.0 runtime direct registry line=11 npm:path=node_modules/a",
                        "b@1.0.0 runtime direct registry line=20 npm:path=node_modules/b",
                        "debug@2.6.9 runtime transitive registry line=17 npm:path=node_modules/a/node_modules/debug",
                        "debug@2.6.9 runtime transitive registry line=26 npm:path=node_modules/b/node_modules/debug",
                        "debug@4.3.4 runtime direct registry line=29 npm:path=node_modules/debug")),
                Arguments.of("sources-and-flags.v3.json", List.of(
                        "bundled-helper@1.0.1 runtime transitive registry line=38 npm:bundled=true"
                                + " npm:path=node_modules/native/node_modules/bundled-helper",
                        "from-file@2.0.0 runtime direct path file:../vendor/from-file line=22"
                                + " npm:path=node_modules/from-file",
                        "from-git@0.5.0 runtime direct git git+ssh://git@github.com/acme/from-git.git"
                                + "#0123456789abcdef0123456789abcdef01234567 line=18 npm:path=node_modules/from-git",
                        "from-url@1.0.0 runtime direct url https://files.example.test/from-url-1.0.0.tgz line=26"
                                + " sha1:86f7e437 sha512:1f40fc92 npm:path=node_modules/from-url",
                        "fsevents@2.3.3 optional direct registry line=42 npm:path=node_modules/fsevents",
                        "native@1.2.0 runtime direct registry line=31 npm:path=node_modules/native install",
                        "react@18.2.0 peer direct registry line=46 npm:path=node_modules/react",
                        "typescript@5.0.0 dev transitive registry line=50 npm:path=node_modules/typescript")),
                Arguments.of("nested.v1.json", List.of(
                        "a@1.0.0 runtime direct registry " + REGISTRY + "a/-/a-1.0.0.tgz line=7 sha512:1f40fc92"
                                + " npm:path=node_modules/a",
                        "b@1.0.0 optional direct registry line=23 npm:path=node_modules/b",
                        "b@2.0.0 dev transitive registry line=16 npm:bundled=true"
                                + " npm:path=node_modules/a/node_modules/b",
                        "d runtime direct git github:acme/d#0123456789abcdef0123456789abcdef01234567 line=31"
                                + " npm:path=node_modules/d",
                        "e@1.0.0 runtime direct registry line=35 npm:path=node_modules/e",
                        "real-c@1.1.0 runtime direct registry " + REGISTRY + "real-c/-/real-c-1.1.0.tgz line=27"
                                + " npm:alias=c npm:path=node_modules/c")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsComponents(String fixture, List<String> expected) {
        LockfileInventory inv = PackageLockParser.packageLock().parse(Fixtures.source(fixture, "package-lock.json"));
        assertEquals(expected, Fixtures.summaries(inv));
        assertEquals("npm/package-lock", inv.format());
    }

    static Stream<Arguments> edgeFixtures() {
        return Stream.of(
                Arguments.of("scoped-packages.v3.json", List.of(
                        "pkg:npm/%40babel/core@7.1.0 -> pkg:npm/%40babel/types@7.1.2")),
                Arguments.of("link-workspace.v3.json", List.of("pkg:npm/tap@16.0.0 -> pkg:npm/ms@2.1.3")),
                Arguments.of("same-version-twice.v3.json", List.of(
                        "pkg:npm/a@1.0.0 -> pkg:npm/debug@2.6.9", "pkg:npm/b@1.0.0 -> pkg:npm/debug@2.6.9")),
                Arguments.of("sources-and-flags.v3.json", List.of(
                        "pkg:npm/native@1.2.0 -> pkg:npm/bundled-helper@1.0.1")),
                Arguments.of("nested.v1.json", List.of(
                        "pkg:npm/a@1.0.0 -> pkg:npm/b@2.0.0", "pkg:npm/a@1.0.0 -> pkg:npm/real-c@1.1.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeFixtures")
    void resolvesEdgesTheNpmWay(String fixture, List<String> expected) {
        assertEquals(expected, Fixtures.edges(PackageLockParser.packageLock()
                .parse(Fixtures.source(fixture, "package-lock.json"))));
    }

    @Test
    void sameVersionInTwoPlacesIsOneDistinctComponent() {
        LockfileInventory inv = PackageLockParser.packageLock()
                .parse(Fixtures.source("same-version-twice.v3.json", "package-lock.json"));
        assertEquals(5, inv.components().size());
        assertEquals(4, inv.distinctPurls().size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "package-lock.json, npm/package-lock",
        "app/package-lock.json, npm/package-lock",
        "npm-shrinkwrap.json, npm/shrinkwrap",
        "app/npm-shrinkwrap.json, npm/shrinkwrap",
        "yarn.lock, npm/yarn-lock",
        "packages/app/yarn.lock, npm/yarn-lock",
        "pnpm-lock.yaml, npm/pnpm-lock",
        "apps/web/pnpm-lock.yaml, npm/pnpm-lock",
        "node_modules/x/package-lock.json, none",
        "app/node_modules/x/npm-shrinkwrap.json, none",
        "node_modules/x/yarn.lock, none",
        "node_modules/.pnpm/x/pnpm-lock.yaml, none",
        "package-lock.json.bak, none",
        "my-package-lock.json, none",
        "yarn.lock.orig, none",
        "pnpm-lock.yml, none",
        "pnpm-workspace.yaml, none",
    })
    void eachNpmFileNameHasOneParserOutsideNodeModules(String path, String parser) {
        List<LockfileParser> npm = List.of(PackageLockParser.packageLock(), PackageLockParser.shrinkwrap(),
                new YarnLockParser(), new PnpmLockParser());
        assertEquals(parser, npm.stream().filter(p -> p.accepts(path)).map(LockfileParser::name)
                .reduce((a, b) -> a + "+" + b).orElse("none"));
    }

    @Test
    void finderReadsTheShrinkwrapAndSkipsPackageLockBesideIt(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("package-lock.json"), Fixtures.bytes("one-package.v3.json"));
        Files.write(dir.resolve("npm-shrinkwrap.json"), Fixtures.bytes("one-package.v3.json"));
        Files.createDirectories(dir.resolve("node_modules/x"));
        Files.write(dir.resolve("node_modules/x/package-lock.json"), Fixtures.bytes("not-json.txt"));
        assertEquals(List.of("npm/shrinkwrap"), new LockfileFinder().find(List.of(dir)).stream()
                .map(f -> f.parser().name()).toList());
    }

    @Test
    void shrinkwrapSupersedesPackageLock() {
        assertEquals(Set.of("npm-shrinkwrap.json"), PackageLockParser.packageLock().supersededBy());
        assertEquals(Set.of(), PackageLockParser.shrinkwrap().supersededBy());
        assertEquals("npm/shrinkwrap", PackageLockParser.shrinkwrap()
                .parse(Fixtures.source("one-package.v3.json", "npm-shrinkwrap.json")).format());
    }
}
