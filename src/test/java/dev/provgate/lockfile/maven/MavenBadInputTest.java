// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.cli.ExitCodes;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken input is one line naming the file and line. */
class MavenBadInputTest {
    static final TestRepository REPO = new TestRepository("bad-input")
            .jar("org.a:a:1", TestRepository.deps(TestRepository.dep("org.m:missing:2", "")));

    static Stream<Arguments> badFiles() {
        LockfileParser pom = new PomParser(new MavenResolutionSettings(REPO.localRepository(), "", true));
        String local = REPO.localRepository().toString();
        return Stream.of(
                Arguments.of(pom, "malformed-pom.xml", "pom.xml", "pom.xml:9: malformed XML: The element type "
                        + "\"dependency\" must be terminated by the matching end-tag \"</dependency>\"."),
                Arguments.of(pom, "property-cycle-pom.xml", "pom.xml", "pom.xml:8: property cycle: ${b} -> ${a} -> ${b}"),
                Arguments.of(pom, "unresolvable-parent-pom.xml", "pom.xml",
                        "pom.xml:3: cannot resolve parent org.x:y:1 (offline; not in local repository " + local + ")"),
                Arguments.of(pom, "missing-transitive-pom.xml", "pom.xml", "pom.xml:7: cannot resolve org.m:missing:2 "
                        + "needed by org.app:app:1 -> org.a:a:1 (offline; not in local repository " + local + ")"),
                Arguments.of(pom, "doctype-entity-pom.xml", "pom.xml", "pom.xml:2: XML with a DOCTYPE is not accepted "
                        + "(DTDs and entities are refused for safety)"),
                Arguments.of(new GradleLockfileParser(), "malformed-line.gradle-lockfile.txt", "gradle.lockfile",
                        "gradle.lockfile:3: expected 'group:artifact:version=configurations', found 'org.b:b=runtimeClasspath'"),
                Arguments.of(new VerificationMetadataParser(), "doctype-entity.verification-metadata.xml",
                        "gradle/verification-metadata.xml", "gradle/verification-metadata.xml:2: XML with a DOCTYPE "
                                + "is not accepted (DTDs and entities are refused for safety)"),
                Arguments.of(new VerificationMetadataParser(), "truncated.verification-metadata.xml",
                        "gradle/verification-metadata.xml", "gradle/verification-metadata.xml:6: malformed XML: "
                                + "XML document structures must start and end within the same entity."),
                Arguments.of(new DependencyTreeParser(), "not-a-tree.mvn-output.log", "dependency-tree.txt",
                        "dependency-tree.txt:1: not 'mvn dependency:tree' output: expected a project line "
                                + "'group:artifact:type:version'"),
                Arguments.of(new MavenLockfileParser(), "other-tool-lockfile.json", "lockfile.json",
                        "lockfile.json:1: not a maven-lockfile lockfile.json (no 'lockFileVersion'): provgate reads "
                                + "lockfile.json only as maven-lockfile output"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void oneLineNamingFileAndLine(LockfileParser parser, String fixture, String shownAs, String message) {
        LockfileSource source = Fixtures.source(fixture, shownAs);
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> parser.parse(source));
        assertEquals(message, e.userMessage());
    }

    static Stream<Arguments> commandLineCases() {
        return Stream.of(
                Arguments.of("malformed-pom.xml", "pom.xml:9: malformed XML"),
                Arguments.of("property-cycle-pom.xml", "pom.xml:8: property cycle: ${b} -> ${a} -> ${b}"));
    }

    @ParameterizedTest
    @MethodSource("commandLineCases")
    void exitCodeTwoOnTheCommandLine(String fixture, String message) throws IOException {
        TestRepository folder = new TestRepository("cli-" + fixture);
        Path pom = folder.project("pom.xml", Files.readString(Fixtures.DIR.resolve(fixture)));
        CliRunner.Result r = CliRunner.run("inventory", pom.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("provgate: ") && r.err().contains("/pom.xml" + message.substring(7)), r.err());
    }
}
