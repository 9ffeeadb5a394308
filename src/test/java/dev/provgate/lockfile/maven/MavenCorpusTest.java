// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real file in ../shared/corpus/maven; figures from scripts/corpus/maven_counts.py, not from the parsers. */
class MavenCorpusTest {

    static LockfileInventory parse(LockfileParser parser, String relative) throws IOException {
        Path file = SharedData.corpus("maven/" + relative);
        return parser.parse(new LockfileSource(relative, Files.readAllBytes(file), file.toString()));
    }

    static long count(LockfileInventory inv, Scope scope) {
        return inv.components().stream().filter(c -> c.scope() == scope).count();
    }

    static Stream<Arguments> gradleLockfiles() {
        return Stream.of(
                Arguments.of("dd-trace-java-agent-bootstrap__gradle.lockfile", 128, 7, 121,
                        "cafe.cryptography:curve25519-elisabeth@0.1.0", 5),
                Arguments.of("dd-trace-java-aws-sdk-2.2__gradle.lockfile", 365, 25, 340,
                        "cafe.cryptography:curve25519-elisabeth@0.1.0", 5),
                Arguments.of("jabref-2022__gradle.lockfile", 199, 120, 79, "classworlds:classworlds@1.1-alpha-2", 4));
    }

    @ParameterizedTest
    @MethodSource("gradleLockfiles")
    void gradleLockfile(String file, int components, int runtime, int dev, String first, int line) throws IOException {
        LockfileInventory inv = parse(new GradleLockfileParser(), "gradle-lockfile/" + file);
        assertEquals(components, inv.components().size());
        assertEquals(runtime, count(inv, Scope.RUNTIME));
        assertEquals(dev, count(inv, Scope.DEV));
        assertEquals(first, inv.components().get(0).coordinates());
        assertEquals(line, inv.components().get(0).location().line());
    }

    static Stream<Arguments> verificationMetadata() {
        return Stream.of(
                Arguments.of("acinq-bitcoin-kmp-2025__verification-metadata.xml", 132, 276, 3,
                        "pkg:generic/kotlin-native-prebuilt-linux-x86_64@1.9.23"),
                Arguments.of("adyen-android__verification-metadata.xml", 1196, 2014, 0,
                        "pkg:maven/androidx.activity/activity@1.0.0"),
                Arguments.of("besu__verification-metadata.xml", 1114, 1982, 0, "pkg:maven/aopalliance/aopalliance@1.0"));
    }

    @ParameterizedTest
    @MethodSource("verificationMetadata")
    void verificationMetadata(String file, int components, int hashes, int generic, String firstPurl)
            throws IOException {
        LockfileInventory inv = parse(new VerificationMetadataParser(), "gradle-verification-metadata/" + file);
        assertEquals(components, inv.components().size());
        assertEquals(hashes, inv.components().stream().mapToInt(c -> c.hashes().size()).sum());
        assertEquals(generic, inv.components().stream().filter(c -> c.purl().startsWith("pkg:generic/")).count());
        assertEquals(firstPurl, inv.components().get(0).purl());
    }

    @Test
    void verificationMetadataHashNamesTheFile() throws IOException {
        LockfileInventory inv = parse(new VerificationMetadataParser(),
                "gradle-verification-metadata/acinq-bitcoin-kmp-2025__verification-metadata.xml");
        Component first = inv.components().get(0);
        assertEquals(new Hash(HashAlgorithm.SHA256,
                "ffab3a3c870bbc99770ce3971e04823cc7a7d215fee0eb496ea4af1df7e90e19",
                "kotlin-native-prebuilt-linux-x86_64-1.9.23.tar.gz"), first.hashes().get(0));
        assertEquals(8, first.location().line());
    }

    static Stream<Arguments> dependencyTrees() {
        return Stream.of(
                Arguments.of("cdxgen-copper-server__sample-mvn-tree.txt", 60, 19, 0, 41, 2),
                Arguments.of("cdxgen-dubbo-metrics__mvn-metrics-tree.txt", 57, 7, 0, 50, 57),
                Arguments.of("cdxgen-dubbo-spring-boot-starter__mvn-sbstarter-tree.txt", 101, 13, 12, 88, 46),
                Arguments.of("cdxgen-gitlab-java-maven__mvn-dep-tree-simple.txt", 38, 9, 0, 29, 10));
    }

    @ParameterizedTest
    @MethodSource("dependencyTrees")
    void dependencyTree(String file, int components, int direct, int optional, int edges, int test)
            throws IOException {
        LockfileInventory inv = parse(new DependencyTreeParser(), "mvn-dependency-tree/" + file);
        assertEquals(components, inv.components().size());
        assertEquals(direct, inv.components().stream().filter(Component::direct).count());
        assertEquals(optional, count(inv, Scope.OPTIONAL));
        assertEquals(edges, inv.dependencies().size());
        assertEquals(test, count(inv, Scope.DEV));
    }

    @Test
    void dependencyTreeKeepsTheClassifier() throws IOException {
        LockfileInventory inv = parse(new DependencyTreeParser(),
                "mvn-dependency-tree/cdxgen-gitlab-java-maven__mvn-dep-tree-simple.txt");
        Component jffi = inv.components().get(1);
        assertEquals("pkg:maven/com.github.jnr/jffi@1.3.11?classifier=native", jffi.purl());
        assertEquals(3, jffi.location().line());
        assertTrue(jffi.direct());
    }

    static Stream<Arguments> mavenLockfiles() {
        return Stream.of(
                Arguments.of("maven-lockfile-it-freezeWithoutDepManagement-v5.11__lockfile.json", 66, 4, 114, 28, 0,
                        "org.springframework.boot:spring-boot-starter-test@2.7.6",
                        "76c446648574753254018f4aef51fef7ea3e54c51b0ff7df7aa2e7124404602a"),
                Arguments.of("maven-lockfile__lockfile.json", 71, 21, 157, 20, 29, "com.google.code.gson:gson@2.13.2",
                        "dd0ce1b55a3ed2080cb70f9c655850cda86c206862310009dcb5e5c95265a5e0"),
                Arguments.of("spoon-2023__lockfile.json", 61, 22, 55, 0, 0, "ch.qos.logback:logback-classic@1.4.6",
                        "60d7030939d962afd3cec302e97eda66684f23b6d2de627a57734405bc8ebca8"));
    }

    @ParameterizedTest
    @MethodSource("mavenLockfiles")
    void mavenLockfile(String file, int components, int direct, int edges, int test, int provided, String first,
                       String sha256) throws IOException {
        LockfileInventory inv = parse(new MavenLockfileParser(), "maven-lockfile/" + file);
        assertEquals(components, inv.components().size());
        assertEquals(direct, inv.components().stream().filter(Component::direct).count());
        assertEquals(edges, inv.dependencies().size());
        assertEquals(test, count(inv, Scope.DEV));
        assertEquals(provided, inv.components().stream()
                .filter(c -> "provided".equals(c.attributes().get(MavenComponents.SCOPE_ATTRIBUTE))).count());
        assertEquals(components, inv.components().stream().filter(c -> c.hashes().size() == 1).count());
        Component c = inv.components().get(0);
        assertEquals(first, c.coordinates());
        assertEquals(new Hash(HashAlgorithm.SHA256, sha256), c.hashes().get(0));
    }

    static Stream<Arguments> corpusPoms() {
        return Stream.of(
                Arguments.of("apache-maven-3.9.9-maven-core-module__pom.xml", 23, "parent org.apache.maven:maven:3.9.9"),
                Arguments.of("apache-maven-3.9.9-root__pom.xml", 23, "parent org.apache.maven:maven-parent:43"),
                Arguments.of("broad-consent__pom.xml", 357, "imported BOM org.jdbi:jdbi3-bom:3.46.0"),
                Arguments.of("spring-petclinic__pom.xml", 5,
                        "parent org.springframework.boot:spring-boot-starter-parent:4.0.3"));
    }

    /** Offline with an empty local repository, each corpus POM stops at the first POM it needs from a repository. */
    @ParameterizedTest
    @MethodSource("corpusPoms")
    void corpusPomNamesWhatItCannotResolveOffline(String file, int line, String what) throws IOException {
        SharedData.corpus("maven/pom-xml/" + file);
        TestRepository empty = new TestRepository("empty-" + file);
        PomParser parser = new PomParser(new MavenResolutionSettings(empty.localRepository(), "", true));
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> parse(parser, "pom-xml/" + file));
        assertEquals("pom-xml/" + file + ":" + line + ": cannot resolve " + what + " (offline; not in local repository "
                + empty.localRepository() + ")", e.userMessage());
    }
}
