// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.LockfileInventory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YarnLockParserTest {
    private static final String YARN = "https://yarn.registry.invalid/";
    private static final String SHA1 = "#86f7e437faa5a7fce15d1ddcb9eaeaea377667b8";
    private static final String CHECKSUM = "yarn:checksum=10c0/" + "ab".repeat(64);
    private static final String LOCATOR = "::locator=root%40workspace%3A.";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("classic-multiple-ranges.yarn.lock", List.of(
                        "@babel/code-frame@7.12.11 runtime direct registry " + YARN
                                + "@babel/code-frame/-/code-frame-7.12.11.tgz" + SHA1
                                + " line=5 sha1:86f7e437 sha512:1f40fc92",
                        "chalk@2.4.2 runtime transitive registry " + YARN + "chalk/-/chalk-2.4.2.tgz" + SHA1
                                + " line=12 sha1:86f7e437",
                        "from-git@0.5.0 runtime direct git git+https://github.com/acme/from-git.git"
                                + "#0123456789abcdef0123456789abcdef01234567 line=27",
                        "fsevents@2.3.3 optional transitive registry " + YARN + "fsevents/-/fsevents-2.3.3.tgz"
                                + " line=18",
                        "local@1.0.0 runtime direct path file:../local line=31",
                        "string-width@4.2.3 runtime direct registry " + YARN + "string-width/-/string-width-4.2.3.tgz"
                                + SHA1 + " line=22 sha1:86f7e437 npm:alias=string-width-cjs")),
                Arguments.of("berry-protocols.yarn.lock", List.of(
                        "file-pkg@2.0.0 runtime direct path file:./vendor/file-pkg.tgz#./vendor/file-pkg.tgz"
                                + "::hash=abc123&locator=root%40workspace%3A. line=30 " + CHECKSUM,
                        "fsevents@2.3.3 optional direct registry line=37 " + CHECKSUM,
                        "git-pkg@0.5.0 runtime direct git https://github.com/acme/git-pkg.git"
                                + "#commit=0123456789abcdef0123456789abcdef01234567 line=47",
                        "left-pad@1.3.0 runtime direct registry line=53 " + CHECKSUM,
                        "link-pkg@0.0.0-use.local runtime direct link link:./vendor/link-pkg" + LOCATOR + " line=60",
                        "node-gyp@10.0.0 runtime transitive registry line=66",
                        "portal-pkg@0.0.0-use.local runtime direct link portal:./vendor/portal-pkg" + LOCATOR
                                + " line=72",
                        "resolve@1.22.8 runtime direct registry line=78",
                        "resolve@1.22.8 runtime transitive registry line=84 yarn:patch=patch:resolve@npm%3A1.22.8"
                                + "#optional!builtin<compat/resolve>::version=1.22.8&hash=c3c19d",
                        "string-width@4.2.3 runtime direct registry line=102 npm:alias=string-width-cjs",
                        "url-pkg@1.0.0 runtime direct url https://files.example.test/url-pkg-1.0.0.tgz line=108")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsComponents(String fixture, List<String> expected) {
        LockfileInventory inv = new YarnLockParser().parse(Fixtures.source(fixture, "yarn.lock"));
        assertEquals(expected, Fixtures.summaries(inv));
    }

    static Stream<Arguments> edgeFixtures() {
        return Stream.of(
                Arguments.of("classic-multiple-ranges.yarn.lock", List.of(
                        "pkg:npm/%40babel/code-frame@7.12.11 -> pkg:npm/chalk@2.4.2",
                        "pkg:npm/chalk@2.4.2 -> pkg:npm/fsevents@2.3.3")),
                Arguments.of("berry-protocols.yarn.lock", List.of(
                        "pkg:npm/fsevents@2.3.3 -> pkg:npm/node-gyp@10.0.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeFixtures")
    void linksEntriesThroughDescriptors(String fixture, List<String> expected) {
        assertEquals(expected, Fixtures.edges(new YarnLockParser().parse(Fixtures.source(fixture, "yarn.lock"))));
    }

}
