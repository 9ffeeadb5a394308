// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PnpmLockParserTest {
    private static final String GIT_COMMIT = "0123456789abcdef0123456789abcdef01234567";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("importers-peers.v5.pnpm-lock.yaml", List.of(
                        "from-git@0.5.0 runtime direct url https://codeload.github.com/acme/from-git/tar.gz/"
                                + GIT_COMMIT + " line=83",
                        "fsevents@2.3.3 optional direct registry line=31 sha512:1f40fc92 install",
                        "loose-envify@1.4.0 runtime transitive registry line=39 sha1:86f7e437",
                        "react-dom@18.2.0 runtime direct registry line=43 sha512:1f40fc92",
                        "react-dom@18.2.0 runtime direct registry line=52 sha512:1f40fc92",
                        "react@18.1.0 runtime transitive registry line=61 sha512:1f40fc92",
                        "react@18.2.0 runtime transitive registry https://npm.registry.invalid/react/-/react-18.2.0.tgz"
                                + " line=67 sha512:1f40fc92",
                        "real-other@1.0.0 runtime direct registry line=73 sha512:1f40fc92 npm:alias=other",
                        "typescript@5.0.4 dev direct registry line=77 sha512:1f40fc92")),
                Arguments.of("single-project.v5.pnpm-lock.yaml", List.of(
                        "ms@2.1.3 runtime direct registry line=11 sha512:1f40fc92")),
                Arguments.of("peers-patches.v6.pnpm-lock.yaml", List.of(
                        "acorn@8.11.3 dev direct registry line=24 sha512:1f40fc92",
                        "git-dep@2.0.0 runtime transitive git https://github.com/acme/git-dep.git#" + GIT_COMMIT
                                + " line=56",
                        "local-dir@1.0.0 runtime direct path local-dir line=50",
                        "loose-envify@1.4.0 runtime transitive registry line=31 sha512:1f40fc92",
                        "react-dom@18.2.0 runtime direct registry line=35 sha512:1f40fc92",
                        "react@18.2.0 runtime transitive registry line=44 sha512:1f40fc92")),
                Arguments.of("catalogs-snapshots.v9.pnpm-lock.yaml", List.of(
                        "@types/node@20.0.0 dev transitive registry line=42 sha512:1f40fc92",
                        "fsevents@2.3.3 optional direct registry line=45 sha512:1f40fc92",
                        "loose-envify@1.4.0 runtime transitive registry line=50 sha1:86f7e437",
                        "react-dom@18.2.0 runtime direct registry line=54 sha512:1f40fc92",
                        "react@18.2.0 runtime direct registry line=59 sha512:1f40fc92",
                        "string-width@4.2.3 runtime direct registry line=63 sha512:1f40fc92 npm:alias=str",
                        "tarball-dep@1.0.0 runtime transitive url https://files.example.test/tarball-dep-1.0.0.tgz"
                                + " line=66",
                        "typescript@5.4.5 dev direct registry line=70 sha512:1f40fc92")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsComponents(String fixture, List<String> expected) {
        assertEquals(expected, Fixtures.summaries(new PnpmLockParser()
                .parse(Fixtures.source(fixture, "pnpm-lock.yaml"))));
    }

    static Stream<Arguments> edgeFixtures() {
        return Stream.of(
                Arguments.of("importers-peers.v5.pnpm-lock.yaml", List.of(
                        "pkg:npm/react-dom@18.2.0 -> pkg:npm/loose-envify@1.4.0",
                        "pkg:npm/react-dom@18.2.0 -> pkg:npm/react@18.1.0",
                        "pkg:npm/react-dom@18.2.0 -> pkg:npm/react@18.2.0",
                        "pkg:npm/react@18.1.0 -> pkg:npm/loose-envify@1.4.0",
                        "pkg:npm/react@18.2.0 -> pkg:npm/loose-envify@1.4.0")),
                Arguments.of("catalogs-snapshots.v9.pnpm-lock.yaml", List.of(
                        "pkg:npm/react-dom@18.2.0 -> pkg:npm/loose-envify@1.4.0",
                        "pkg:npm/react-dom@18.2.0 -> pkg:npm/react@18.2.0",
                        "pkg:npm/react@18.2.0 -> pkg:npm/loose-envify@1.4.0",
                        "pkg:npm/typescript@5.4.5 -> pkg:npm/%40types/node@20.0.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeFixtures")
    void resolvesReferencesPerDialect(String fixture, List<String> expected) {
        assertEquals(expected, Fixtures.edges(new PnpmLockParser()
                .parse(Fixtures.source(fixture, "pnpm-lock.yaml"))));
    }

    /** Aliases read off the corpus files by hand ({@code NAME: specifier: npm:REAL@RANGE} and snapshot edges). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "pnpm-lock-v6/vite-2024__pnpm-lock.yaml|slash@3.0.0|slash3",
        "pnpm-lock-v6/vite-2024__pnpm-lock.yaml|slash@5.1.0|slash5",
        "pnpm-lock-v6/vite-2024__pnpm-lock.yaml|vue@3.2.0|vue32",
        "pnpm-lock-v9/tanstack-router__pnpm-lock.yaml|@typescript/typescript6@6.0.2|typescript",
        "pnpm-lock-v9/tanstack-router__pnpm-lock.yaml|typescript@7.0.2|@typescript/native",
        "pnpm-lock-v9/tanstack-router__pnpm-lock.yaml|typescript@6.0.2|@typescript/old",
        "pnpm-lock-v9/tanstack-router__pnpm-lock.yaml|typescript@5.6.3|typescript56",
        "pnpm-lock-v9/tanstack-router__pnpm-lock.yaml|string-width@4.2.3|string-width-cjs",
    })
    void keepsTheNamesAPackageIsAliasedUnder(String file, String nameAtVersion, String aliases) throws Exception {
        Path path = SharedData.corpus("npm/" + file);
        LockfileInventory inv = new PnpmLockParser().parse(
                new LockfileSource(file, Files.readAllBytes(path), path.toString()));
        List<String> found = inv.components().stream()
                .filter(c -> (c.name() + "@" + c.version()).equals(nameAtVersion))
                .map(c -> c.attributes().getOrDefault("npm:alias", "")).distinct().toList();
        assertEquals(List.of(aliases), found);
    }
}
