// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileInventory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The small fixtures: each case of each format, with expected components worked out by hand. */
class MavenFormatsTest {

    static List<String> summary(LockfileInventory inv) {
        return inv.components().stream()
                .map(c -> c.purl() + " " + c.scope().label() + (c.direct() ? " direct" : "") + " :"
                        + c.location().line())
                .sorted().toList();
    }

    @Test
    void gradleConfigurationsDecideTheScope() {
        LockfileInventory inv = new GradleLockfileParser()
                .parse(Fixtures.source("configurations.gradle.lockfile", "gradle.lockfile"));
        assertEquals(List.of(
                "pkg:maven/org.a/a@1.0 runtime :3",
                "pkg:maven/org.b/b@2.0 dev :4",
                "pkg:maven/org.c/c@3.0 dev :5",
                "pkg:maven/org.d/d@4.0 runtime :6",
                "pkg:maven/org.e/e@5.0 dev :8"), summary(inv));
        assertEquals("compileClasspath,testRuntimeClasspath",
                inv.components().get(0).attributes().get("gradle:configurations"));
    }

    @Test
    void verificationMetadataKeepsPerFileHashesAndPgpKeys() {
        LockfileInventory inv = new VerificationMetadataParser()
                .parse(Fixtures.source("pgp-keys.verification-metadata.xml", "gradle/verification-metadata.xml"));
        assertEquals(List.of(
                "pkg:maven/org.other/lib@2.0 runtime :25",
                "pkg:maven/org.regex/unmatched@1 runtime :30",
                "pkg:maven/org.signed/core@1.0 runtime :15"), summary(inv));
        Component core = inv.components().get(0);
        assertEquals("AAAA1111BBBB2222,EEEE5555FFFF6666", core.attributes().get(VerificationMetadataParser.PGP_KEYS));
        assertEquals(List.of(
                new Hash(HashAlgorithm.SHA512, "abcdef0123456789".repeat(8), "core-1.0.jar"),
                new Hash(HashAlgorithm.SHA1, "0000000000000000000000000000000000000002", "core-1.0.pom"),
                new Hash(HashAlgorithm.SHA256, "0".repeat(63) + "1", "core-1.0.pom")), core.hashes());
        assertEquals("CCCC3333DDDD4444", inv.components().get(1).attributes().get(VerificationMetadataParser.PGP_KEYS));
        assertEquals(null, inv.components().get(2).attributes().get(VerificationMetadataParser.PGP_KEYS));
    }

    @Test
    void dependencyTreeWithLogPrefixesAndVerboseLines() {
        LockfileInventory inv = new DependencyTreeParser()
                .parse(Fixtures.source("verbose-info-dependency-tree.txt", "dependency-tree.txt"));
        assertEquals(List.of(
                "pkg:maven/org.a/a@1.0 runtime direct :5",
                "pkg:maven/org.b/b@1.0 runtime direct :8",
                "pkg:maven/org.dup/dup@1.0 runtime direct :10",
                "pkg:maven/org.native/lib@3.1?classifier=linux-x86_64 runtime direct :11",
                "pkg:maven/org.shared/shared@2.0 runtime :6",
                "pkg:maven/org.test/tester@1.0 dev direct :13",
                "pkg:maven/org.web/api@1.0?type=war optional direct :12"), summary(inv));
        assertEquals(List.of(
                new Dependency("pkg:maven/org.a/a@1.0", "pkg:maven/org.dup/dup@1.0"),
                new Dependency("pkg:maven/org.a/a@1.0", "pkg:maven/org.shared/shared@2.0"),
                new Dependency("pkg:maven/org.b/b@1.0", "pkg:maven/org.shared/shared@2.0")), inv.dependencies());
    }

    @Test
    void mavenLockfileListsWhatMavenKeptAndPointsMediatedNodesAtTheWinner() {
        LockfileInventory inv = new MavenLockfileParser().parse(Fixtures.source("mediated-lockfile.json", "lockfile.json"));
        assertEquals(List.of(
                "pkg:maven/org.a/a@1.0 runtime direct :7",
                "pkg:maven/org.shared/shared@2.0 runtime direct :31"), summary(inv));
        assertEquals(List.of(new Dependency("pkg:maven/org.a/a@1.0", "pkg:maven/org.shared/shared@2.0")),
                inv.dependencies());
        Component a = inv.components().get(0);
        assertEquals("https://repo.example.invalid/maven2/", a.source().registry());
        assertEquals(List.of(new Hash(HashAlgorithm.SHA256, "0".repeat(62) + "aa")), a.hashes());
        assertEquals("provided", inv.components().get(1).attributes().get(MavenComponents.SCOPE_ATTRIBUTE));
    }

    static Stream<Arguments> fileNames() {
        LockfileParser pom = new PomParser();
        LockfileParser lock = new MavenLockfileParser();
        LockfileParser gradle = new GradleLockfileParser();
        LockfileParser verification = new VerificationMetadataParser();
        LockfileParser tree = new DependencyTreeParser();
        return Stream.of(
                Arguments.of(pom, "pom.xml", true), Arguments.of(pom, "sub/pom.xml", true),
                Arguments.of(pom, "my-pom.xml", false),
                Arguments.of(lock, "lockfile.json", true), Arguments.of(lock, "app/lockfile.json", true),
                Arguments.of(lock, "my-lockfile.json", false),
                Arguments.of(gradle, "gradle.lockfile", true), Arguments.of(gradle, "buildscript-gradle.lockfile", true),
                Arguments.of(gradle, "gradle/dependency-locks/compileClasspath.lockfile", true),
                Arguments.of(gradle, "other.lockfile", false),
                Arguments.of(verification, "gradle/verification-metadata.xml", true),
                Arguments.of(verification, "verification.xml", false),
                Arguments.of(tree, "dependency-tree.txt", true), Arguments.of(tree, "target/dep-tree.txt", true),
                Arguments.of(tree, "mvn-tree.txt", true), Arguments.of(tree, "mvn_dependency_tree.txt", true),
                Arguments.of(tree, "tree.txt", false), Arguments.of(tree, "dependency-tree.json", false));
    }

    @ParameterizedTest
    @MethodSource("fileNames")
    void acceptsByFileName(LockfileParser parser, String path, boolean accepted) {
        assertEquals(accepted, parser.accepts(path));
    }

    @Test
    void gradleProductionClasspaths() {
        assertEquals(List.of(true, true, true, false, false, false, false), Stream.of("compileClasspath",
                        "runtimeClasspath", "main_java11CompileClasspath", "testRuntimeClasspath", "jmhCompileClasspath",
                        "annotationProcessor", "spotbugs")
                .map(GradleLockfileParser::isProductionClasspath).toList());
    }
}
