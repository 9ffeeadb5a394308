// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import static dev.provgate.lockfile.maven.TestRepository.dep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coordinates from a hostile POM never become paths: nothing outside the local repository is touched. */
class HostilePomTest {

    private static String importing(String... versions) {
        StringBuilder imports = new StringBuilder();
        for (String v : versions) {
            imports.append("    <dependency><groupId>a</groupId><artifactId>b</artifactId><version>").append(v)
                    .append("</version><type>pom</type><scope>import</scope></dependency>\n");
        }
        return """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>x</groupId><artifactId>y</artifactId><version>1</version>
                  <dependencyManagement><dependencies>
                """ + imports + """
                  </dependencies></dependencyManagement>
                </project>
                """;
    }

    /** A project whose one dependency, org.lib:core:1, is declared on line 5. */
    private static final String DEPENDS_ON_CORE = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>x</groupId><artifactId>y</artifactId><version>1</version>
              <dependencies>
                <dependency><groupId>org.lib</groupId><artifactId>core</artifactId><version>1</version></dependency>
              </dependencies>
            </project>
            """;

    /** The attack from issue 15: the resolver's lock file for the second import was /tmp/victim/yarn.lock. */
    @Test
    void bomImportsWithTraversingVersionsLeaveAnOutsideFileAlone(@TempDir Path outside) throws IOException {
        Path victim = Files.writeString(outside.resolve("yarn.lock"), "precious\n");
        TestRepository repo = new TestRepository("hostile-bom-import");
        Path locks = repo.localRepository().resolve(".locks");
        String up = "../".repeat(locks.getNameCount() + 1);
        Path pom = repo.project("pom.xml", importing("../foo",
                up + outside.toString().substring(1) + "/yarn"));
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> PomParserTest.resolve(repo, pom, "pom.xml"));
        assertEquals("pom.xml:5: imported BOM a:b refused: unsafe version '../foo': '..' is not allowed",
                e.userMessage());
        assertEquals("precious\n", Files.readString(victim));
        assertFalse(Files.exists(locks), "no lock files in the local repository");
    }

    @Test
    void aVersionTooLongForAFileNameIsRefusedWithItsLine() throws IOException {
        TestRepository repo = new TestRepository("hostile-long-version");
        Path pom = repo.project("pom.xml", importing("1." + "0".repeat(298)));
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> PomParserTest.resolve(repo, pom, "pom.xml"));
        assertTrue(e.userMessage().startsWith("pom.xml:5: imported BOM a:b refused: unsafe version of 300 characters"
                + " (at most 100)"), e.userMessage());
    }

    /** A POM in the repository (a hostile remote's, say) is checked too, before the resolver looks for it. */
    @Test
    void aTransitiveDependencyWithAnUnsafeVersionIsRefusedAtTheDirectOnesLine() throws IOException {
        TestRepository repo = new TestRepository("hostile-transitive")
                .jar("org.lib:core:1", "<dependencies>" + dep("org.evil:x:1\\..\\..\\x", "") + "</dependencies>\n");
        Path pom = repo.project("pom.xml", DEPENDS_ON_CORE);
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> PomParserTest.resolve(repo, pom, "pom.xml"));
        assertTrue(e.userMessage().startsWith(
                "pom.xml:5: dependency org.evil:x (needed by org.lib:core:1): unsafe version '1\\..\\..\\x'"),
                e.userMessage());
    }

    @Test
    void aSafeResolutionCreatesNoLockFiles() throws IOException {
        TestRepository repo = new TestRepository("safe-no-locks").jar("org.lib:core:1", "");
        Path pom = repo.project("pom.xml", DEPENDS_ON_CORE);
        assertEquals(1, PomParserTest.resolve(repo, pom, "pom.xml").components().size());
        assertFalse(Files.exists(repo.localRepository().resolve(".locks")));
    }

    @Test
    void safeCoordinatesAcceptRealOnesAndRefuseTraversal() {
        assertTrue(SafeCoordinates.problem("org.apache.maven", "maven-core", "[3.0,4.0)", "tests", "test-jar")
                .isEmpty());
        assertTrue(SafeCoordinates.problem("${project.groupId}", "a", "${revision}", null, null).isEmpty());
        assertTrue(SafeCoordinates.problem("a/b", "c", "1", null, null).isPresent());
        assertTrue(SafeCoordinates.problem("a", "c", "1", "x/y", null).isPresent());
        assertTrue(SafeCoordinates.problem("a", "..", "1", null, null).isPresent());
        assertTrue(SafeCoordinates.problem("a", "c", "1\n2", null, null).isPresent());
    }

    private static String aggregator(String artifact, String... modules) {
        StringBuilder m = new StringBuilder();
        for (String module : modules) {
            m.append("<module>").append(module).append("</module>");
        }
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>x</groupId><artifactId>" + artifact
                + "</artifactId><version>1</version>\n  <packaging>pom</packaging>\n  <modules>" + m
                + "</modules>\n</project>\n";
    }

    @Test
    void aModuleListingItsOwnFolderIsACycleNamedInTheError() throws IOException {
        TestRepository repo = new TestRepository("module-self");
        Path pom = repo.project("pom.xml", aggregator("root", "."));
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> PomParserTest.resolve(repo, pom, "pom.xml"));
        assertEquals("pom.xml:5: module cycle: pom.xml -> pom.xml", e.userMessage());
    }

    @Test
    void aModuleListingItsParentIsACycle() throws IOException {
        TestRepository repo = new TestRepository("module-parent");
        Path pom = repo.project("pom.xml", aggregator("root", "a"));
        repo.project("a/pom.xml", aggregator("a", ".."));
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> PomParserTest.resolve(repo, pom, "pom.xml"));
        assertEquals("a/pom.xml:5: module cycle: pom.xml -> a/pom.xml -> pom.xml", e.userMessage());
    }

    /** Every level lists the next twice: 2^16 model builds before, 16 now. */
    @Test
    void modulesListedTwicePerLevelAreBuiltOnce() throws IOException {
        TestRepository repo = new TestRepository("module-twice");
        String folder = "";
        Path root = null;
        for (int level = 0; level < 16; level++) {
            Path p = repo.project(folder + "pom.xml", aggregator("m" + level, "n", "n/"));
            root = root == null ? p : root;
            folder += "n/";
        }
        repo.project(folder + "pom.xml", aggregator("leaf"));
        assertEquals(0, PomParserTest.resolve(repo, root, "pom.xml").components().size());
    }

    /** Maven's reader recursed once per level of plugin configuration: a StackOverflowError before. */
    @Test
    void deeplyNestedXmlIsAnInputErrorNotAStackOverflow() throws IOException {
        TestRepository repo = new TestRepository("deep-xml");
        Path pom = repo.project("pom.xml", "<project>\n<modelVersion>4.0.0</modelVersion>\n"
                + "<groupId>a</groupId><artifactId>b</artifactId><version>1</version>\n<build><plugins><plugin>"
                + "<artifactId>x</artifactId><configuration>\n" + "<a>".repeat(100_000) + "</a>".repeat(100_000)
                + "</configuration></plugin></plugins></build></project>\n");
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> PomParserTest.resolve(repo, pom, "pom.xml"));
        assertEquals("pom.xml:5: XML elements nested deeper than 256", e.userMessage());
    }
}
