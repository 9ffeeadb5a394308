// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.model.Component;
import dev.provgate.model.InstallScript;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.model.SourceKind;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every npm-ecosystem lockfile of ../shared/corpus/npm. Entry and distinct counts come from
 * scripts/corpus/npm_counts.py; the samples were read off the files by hand (hash prefixes: the base64 of the
 * integrity decoded to hex with Python).
 */
class NpmCorpusTest {

    /** An entry expected at a line; {@code hash} is {@code alg:first-16-hex} or {@code -} for none. */
    record Sample(int line, String name, String version, Scope scope, boolean direct, String hash,
                  SourceKind kind, boolean installScript) {
    }

    static Sample s(int line, String name, String version, Scope scope, boolean direct, String hash) {
        return new Sample(line, name, version, scope, direct, hash, SourceKind.REGISTRY, false);
    }

    static Sample s(int line, String name, String version, Scope scope, boolean direct, String hash,
                    SourceKind kind, boolean installScript) {
        return new Sample(line, name, version, scope, direct, hash, kind, installScript);
    }

    static Stream<Arguments> corpus() {
        Scope r = Scope.RUNTIME;
        Scope d = Scope.DEV;
        return Stream.of(
                Arguments.of("package-lock-v1/npm-cli-2020__package-lock.json", 1026, 810, List.of(
                        s(7, "@babel/code-frame", "7.8.3", d, true, "sha512:6bd831a66757b591"),
                        s(28, "lodash", "4.17.15", d, false, "sha512:f3139c447bc28e7a"))),
                Arguments.of("package-lock-v1/mongodb-compass-2021__package-lock.json", 3001, 2145, List.of(
                        s(7, "7zip", "0.0.6", d, true, "sha1:9cafb171af823294"),
                        s(55, "@babel/code-frame", "7.12.13", r, false, "sha512:1d5d429b443766ba"),
                        s(6509, "bootstrap", "", r, true, "sha512:f5129b5292f5187f", SourceKind.URL, false),
                        s(12540, "flat", "", r, true, "-", SourceKind.GIT, false))),
                Arguments.of("npm-shrinkwrap/netlify-cli-2019-v1__npm-shrinkwrap.json", 1359, 1078, List.of(
                        s(7, "@ava/babel-plugin-throws-helper", "3.0.0", d, true, "sha512:98df54a253ace165"),
                        s(80, "source-map", "0.5.7", d, false, "sha1:8a039d2d1021d22d"))),
                Arguments.of("package-lock-v2/npm-cli-2022__package-lock.json", 887, 722, List.of(
                        s(196, "@babel/code-frame", "7.16.7", d, false, "-"),
                        s(6509, "semver", "7.3.7", r, true, "sha512:425613b9c51839ec"),
                        s(6948, "tap", "16.2.0", d, true, "sha512:8a47cd2f2ef4d69d"))),
                Arguments.of("package-lock-v2/mongodb-compass-monorepo-2026__package-lock.json", 4433, 3045, List.of(
                        s(1196, "@actions/github", "6.0.0", d, true, "sha512:6a549ca525676268"),
                        s(24577, "electron", "37.10.3", r, true, "sha512:dc88c21928d0987e", SourceKind.REGISTRY,
                                true),
                        s(46174, "typescript", "5.9.3", r, true, "sha512:8e5d6f6733c38a72"))),
                Arguments.of("package-lock-v3/npm-cli__package-lock.json", 1241, 1020, List.of(
                        s(242, "@actions/core", "1.10.1", d, false, "sha512:de5051f440c063e8"),
                        s(12626, "semver", "7.6.3", r, true, "sha512:a157a43f570ab48f"),
                        s(13123, "string-width", "4.2.3", r, false, "sha512:c0ac90450a63274b"))),
                Arguments.of("package-lock-v3/mongodb-compass-monorepo__package-lock.json", 4717, 3215, List.of(
                        s(1205, "@actions/github", "6.0.0", d, true, "sha512:6a549ca525676268"),
                        s(27377, "electron", "41.10.6", r, true, "sha512:34407b4275694f6a", SourceKind.REGISTRY,
                                true))),
                Arguments.of("npm-shrinkwrap/firebase-tools__npm-shrinkwrap.json", 1858, 1508, List.of(
                        s(179, "@aashutoshrathi/word-wrap", "1.2.6", d, false, "sha512:d588ecd92bccf137"),
                        s(9978, "express", "4.21.2", r, true, "sha512:dbc1ea80c6409a28"),
                        s(17968, "re2", "1.18.0", Scope.OPTIONAL, false, "sha512:32809866527d6148",
                                SourceKind.REGISTRY, true))),
                Arguments.of("npm-shrinkwrap/netlify-cli-2023__npm-shrinkwrap.json", 2136, 1693, List.of(
                        s(157, "@ampproject/remapping", "2.0.2", d, false, "sha512:b04f06c7ea920cc2"),
                        s(11331, "esbuild", "0.16.17", d, false, "sha512:1bc2c4915d17cc33", SourceKind.REGISTRY,
                                true),
                        s(17383, "netlify", "13.1.2", r, true, "sha512:440439d609554f34"))),
                Arguments.of("yarn-lock-v1-classic/jest-2020__yarn.lock", 1860, 1860, List.of(
                        s(5, "@angular/common", "9.1.4", r, true, "sha512:26f0a809655bc74b"),
                        s(13304, "typescript", "3.9.2", r, true, "sha512:ab692dab89ffb8bb"))),
                Arguments.of("yarn-lock-v1-classic/medusa-2022__yarn.lock", 3607, 3607, List.of(
                        s(5, "@adyen/api-library", "5.0.1", r, true, "sha512:d4ac653bcca1496e"),
                        s(28059, "typescript", "4.7.4", r, false, "sha512:0b45904f481ecc7b"))),
                Arguments.of("yarn-lock-v1-classic/vuejs-core-2021__yarn.lock", 912, 912, List.of(
                        s(5, "@babel/code-frame", "7.12.11", r, false, "sha512:66dd72a1d071d547"),
                        s(2303, "esbuild-darwin-64", "0.13.3", Scope.OPTIONAL, false, "sha512:f1b1b766af9936e2"))),
                Arguments.of("yarn-lock-berry/jest-2022-meta4__yarn.lock", 2103, 2098, List.of(
                        s(8, "@algolia/autocomplete-core", "1.5.0", r, false, "-"),
                        s(1888, "@crowdin/cli", "3.7.4", r, true, "-"),
                        s(20923, "typescript", "4.1.6", r, false, "-"))),
                Arguments.of("yarn-lock-berry/jest-2026-meta8__yarn.lock", 2096, 2090, List.of(
                        s(2364, "@crowdin/cli", "4.7.0", r, true, "-"),
                        s(21665, "typescript", "5.8.2", r, false, "-"))),
                Arguments.of("yarn-lock-berry/jest-meta10__yarn.lock", 2156, 2150, List.of(
                        s(8, "@11ty/gray-matter", "1.0.0", r, false, "-"),
                        s(2298, "@crowdin/cli", "4.15.0", r, true, "-"))),
                Arguments.of("yarn-lock-berry/medusa-2024-meta6__yarn.lock", 2912, 2902, List.of(
                        s(8, "@adobe/css-tools", "4.3.3", r, false, "-"),
                        s(15392, "axios", "0.21.4", r, true, "-"))),
                Arguments.of("pnpm-lock-v5/vite-2023-v5.4__pnpm-lock.yaml", 1237, 1232, List.of(
                        s(1186, "@adobe/css-tools", "4.0.1", d, false, "sha512:faeefaa01e379ce1"),
                        s(2542, "@esbuild/android-arm", "0.15.18", d, false, "sha512:e464fe91cb365951",
                                SourceKind.REGISTRY, true),
                        s(3095, "@microsoft/api-extractor", "7.34.4", d, true, "sha512:1ce75c722da74f8d"),
                        s(10102, "@vitejs/test-aliased-module", "0.0.0", r, true, "-", SourceKind.PATH, false))),
                Arguments.of("pnpm-lock-v5/vuejs-core-2022-v5.3__pnpm-lock.yaml", 924, 924, List.of(
                        s(624, "@babel/types", "7.16.0", d, true, "sha512:3c9820fe4dd274bb"))),
                Arguments.of("pnpm-lock-v5/vuejs-core-2023-v5.4__pnpm-lock.yaml", 756, 755, List.of(
                        s(304, "@ampproject/remapping", "2.2.0", d, false, "sha512:a919a38fc9e3f6a9"),
                        s(461, "@babel/parser", "7.21.3", r, true, "sha512:9686c6d1deda39f4"))),
                Arguments.of("pnpm-lock-v6/vite-2024__pnpm-lock.yaml", 1243, 1242, List.of(
                        s(1573, "@aashutoshrathi/word-wrap", "1.2.6", d, false, "sha512:d588ecd92bccf137"),
                        s(3729, "@eslint/js", "9.4.0", d, true, "sha512:7dd23b5498cfdd1b"))),
                Arguments.of("pnpm-lock-v6/vuejs-core-2024__pnpm-lock.yaml", 730, 730, List.of(
                        s(572, "@babel/parser", "7.24.1", r, true, "sha512:668f5cecddf174e2"))),
                Arguments.of("pnpm-lock-v9/tanstack-router__pnpm-lock.yaml", 2723, 2723, List.of(
                        s(15984, "@changesets/changelog-github", "0.7.0", d, true, "sha512:ac1b1b46f7384d59"))),
                Arguments.of("pnpm-lock-v9/vite__pnpm-lock.yaml", 1405, 1405, List.of(
                        s(2718, "@eslint/js", "9.39.5", d, true, "sha512:432c10baccd087be"))),
                Arguments.of("pnpm-lock-v9/vuejs-core__pnpm-lock.yaml", 620, 620, List.of(
                        s(479, "@babel/parser", "7.29.8", r, true, "sha512:13c953018341d4a5"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesWithExpectedCountsAndSamples(String file, int entries, int distinct, List<Sample> samples)
            throws IOException {
        Path path = SharedData.corpus("npm/" + file);
        String shown = "corpus/" + file.replaceAll(".*__", "");
        LockfileInventory inv = LockfileParsers.forPath(shown).orElseThrow()
                .parse(new LockfileSource(shown, Files.readAllBytes(path), ""));
        assertEquals(entries, inv.components().size(), "entries");
        assertEquals(distinct, inv.distinctPurls().size(), "distinct name@version");
        for (Sample sample : samples) {
            Component c = inv.components().stream().filter(x -> x.location().line() == sample.line()).findFirst()
                    .orElse(null);
            assertNotNull(c, "no component at line " + sample.line());
            assertEquals(sample, new Sample(c.location().line(), c.name(), c.version(), c.scope(), c.direct(),
                    hashPrefix(c), c.source().kind(), c.installScript() == InstallScript.RUNS));
        }
    }

    private static String hashPrefix(Component c) {
        return c.hashes().isEmpty() ? "-" : c.hashes().get(c.hashes().size() - 1).algorithm().name().toLowerCase()
                + ":" + c.hashes().get(c.hashes().size() - 1).hex().substring(0, 16);
    }
}
