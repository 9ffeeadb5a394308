// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import static dev.provgate.lockfile.maven.TestRepository.dep;
import static dev.provgate.lockfile.maven.TestRepository.deps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution against local repositories the tests write under target/, offline. */
class PomParserTest {

    static LockfileInventory resolve(TestRepository repo, Path pom, String display) throws IOException {
        PomParser parser = new PomParser(new MavenResolutionSettings(repo.localRepository(), "", true));
        return parser.parse(new LockfileSource(display, Files.readAllBytes(pom), pom.toString()));
    }

    /** name:version scope direct line [maven:scope], sorted. */
    static List<String> summary(LockfileInventory inv) {
        return inv.components().stream()
                .map(c -> c.coordinates() + " " + c.scope().label() + (c.direct() ? " direct " : " transitive ")
                        + c.location() + " " + c.attributes().get(MavenComponents.SCOPE_ATTRIBUTE))
                .sorted().toList();
    }

    static final String PROJECT = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.acme</groupId><artifactId>acme-parent</artifactId><version>1</version>
                <relativePath/>
              </parent>
              <artifactId>app</artifactId>
              <properties><a.version>1</a.version></properties>
              <dependencyManagement><dependencies>
                <dependency><groupId>org.acme</groupId><artifactId>acme-bom</artifactId><version>1</version>
                  <type>pom</type><scope>import</scope></dependency>
              </dependencies></dependencyManagement>
              <dependencies>
                <dependency><groupId>org.lib</groupId><artifactId>core</artifactId>
                  <exclusions><exclusion><groupId>org.noise</groupId><artifactId>noise</artifactId></exclusion></exclusions>
                </dependency>
                <dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>${a.version}</version></dependency>
                <dependency><groupId>org.b</groupId><artifactId>b</artifactId><version>1</version></dependency>
                <dependency><groupId>org.test</groupId><artifactId>tester</artifactId><version>1</version><scope>test</scope></dependency>
                <dependency><groupId>org.prov</groupId><artifactId>container-api</artifactId><version>1</version><scope>provided</scope></dependency>
                <dependency><groupId>org.opt</groupId><artifactId>direct-opt</artifactId><version>1</version><optional>true</optional></dependency>
              </dependencies>
              <profiles>
                <profile><id>extra</id><activation><activeByDefault>true</activeByDefault></activation>
                  <dependencies><dependency><groupId>org.prof</groupId><artifactId>prof</artifactId><version>1</version></dependency></dependencies>
                </profile>
              </profiles>
            </project>
            """;

    static TestRepository singleProjectRepository() {
        return new TestRepository("single")
                .artifact("org.acme:acme-parent:1", "pom", "  <properties><lib.version>2.0</lib.version></properties>\n"
                        + "  <dependencyManagement>" + deps(dep("org.lib:core:${lib.version}", ""))
                        + "</dependencyManagement>\n")
                .artifact("org.acme:acme-bom:1", "pom", "  <dependencyManagement>" + deps(dep("org.util:util:1.5", ""))
                        + "</dependencyManagement>\n")
                .jar("org.lib:core:2.0", deps(dep("org.util:util:1.0", ""), dep("org.noise:noise:1.0", ""),
                        dep("org.opt:opt:1.0", "<optional>true</optional>"), dep("org.t:t:1.0:test", "")))
                .jar("org.util:util:1.5", "")
                .jar("org.a:a:1", deps(dep("org.shared:shared:1.0", "")))
                .jar("org.b:b:1", deps(dep("org.c:c:1", "")))
                .jar("org.c:c:1", deps(dep("org.shared:shared:2.0", "")))
                .jar("org.shared:shared:1.0", "")
                .jar("org.shared:shared:2.0", "")
                .jar("org.test:tester:1", deps(dep("org.t:t:1.0", "")))
                .jar("org.t:t:1.0", "")
                .jar("org.prov:container-api:1", "")
                .jar("org.opt:direct-opt:1", deps(dep("org.util:util:1.5", "")))
                .jar("org.prof:prof:1", "");
    }

    @Test
    void resolvesParentBomPropertiesProfilesScopesExclusionsAndNearestWins() throws IOException {
        TestRepository repo = singleProjectRepository();
        LockfileInventory inv = resolve(repo, repo.project("pom.xml", PROJECT), "pom.xml");
        assertEquals(List.of(
                "org.a:a@1 runtime direct pom.xml:17 compile",
                "org.b:b@1 runtime direct pom.xml:18 compile",
                "org.c:c@1 runtime transitive pom.xml:18 compile",
                "org.lib:core@2.0 runtime direct pom.xml:14 compile",
                "org.opt:direct-opt@1 optional direct pom.xml:21 compile",
                "org.prof:prof@1 runtime direct pom.xml:25 compile",
                "org.prov:container-api@1 runtime direct pom.xml:20 provided",
                "org.shared:shared@1.0 runtime transitive pom.xml:17 compile",
                "org.t:t@1.0 dev transitive pom.xml:19 test",
                "org.test:tester@1 dev direct pom.xml:19 test",
                "org.util:util@1.5 runtime transitive pom.xml:14 compile"), summary(inv));
        assertEquals(List.of(
                new Dependency("pkg:maven/org.a/a@1", "pkg:maven/org.shared/shared@1.0"),
                new Dependency("pkg:maven/org.b/b@1", "pkg:maven/org.c/c@1"),
                new Dependency("pkg:maven/org.lib/core@2.0", "pkg:maven/org.util/util@1.5"),
                new Dependency("pkg:maven/org.test/tester@1", "pkg:maven/org.t/t@1.0")), inv.dependencies());
    }

    static final String ROOT = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.multi</groupId><artifactId>root</artifactId><version>3</version>
              <packaging>pom</packaging>
              <modules><module>lib</module><module>app</module></modules>
            </project>
            """;

    static String module(String artifact, String dependencies) {
        return "<project>\n  <modelVersion>4.0.0</modelVersion>\n"
                + "  <parent><groupId>org.multi</groupId><artifactId>root</artifactId><version>3</version></parent>\n"
                + "  <artifactId>" + artifact + "</artifactId>\n" + dependencies + "</project>\n";
    }

    @Test
    void resolvesEveryModuleUnderTheRootAndTheModulesYieldNothingOfTheirOwn() throws IOException {
        TestRepository repo = new TestRepository("multi")
                .jar("org.util:util:1.5", "")
                .jar("org.test:tester:1", "");
        Path root = repo.project("pom.xml", ROOT);
        repo.project("lib/pom.xml", module("lib", deps(dep("org.util:util:1.5", ""))));
        Path app = repo.project("app/pom.xml", module("app",
                deps(dep("org.multi:lib:${project.version}", ""), dep("org.test:tester:1:test", ""))));
        LockfileInventory inv = resolve(repo, root, "pom.xml");
        assertEquals(List.of(
                "org.multi:lib@3 runtime direct app/pom.xml:6 compile",
                "org.test:tester@1 dev direct app/pom.xml:7 test",
                "org.util:util@1.5 runtime direct lib/pom.xml:6 compile"), summary(inv));
        Component lib = inv.components().stream().filter(c -> c.name().equals("org.multi:lib")).findFirst().orElseThrow();
        assertEquals(SourceKind.WORKSPACE, lib.source().kind());
        assertTrue(resolve(repo, app, "app/pom.xml").components().isEmpty());
        assertTrue(PomParser.isClaimedModule(app));
    }

    /** Online, through a file: repository given as --maven-repo: artifacts are fetched into the empty local one. */
    @Test
    void fetchesFromTheRemoteRepositoryWhenOnline() throws IOException {
        TestRepository remote = singleProjectRepository();
        TestRepository local = new TestRepository("online-local");
        Path pom = local.project("pom.xml", PROJECT);
        PomParser parser = new PomParser(new MavenResolutionSettings(local.localRepository(),
                remote.localRepository().toUri().toString(), false));
        LockfileInventory inv = parser.parse(new LockfileSource("pom.xml", Files.readAllBytes(pom), pom.toString()));
        assertEquals(11, inv.components().size());
        assertTrue(Files.isRegularFile(local.localRepository().resolve("org/acme/acme-parent/1/acme-parent-1.pom")));
    }

    /** As Maven 3.8.1+: a repository a POM declares over plain http is blocked, never contacted. */
    @Test
    void aPlainHttpRepositoryThePomDeclaresIsBlocked() throws IOException {
        TestRepository remote = singleProjectRepository();
        TestRepository local = new TestRepository("http-blocked");
        Path pom = local.project("pom.xml", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.app</groupId><artifactId>app</artifactId><version>1</version>
                  <repositories>
                    <repository><id>insecure</id><url>http://repo.example.invalid/maven</url></repository>
                  </repositories>
                  <dependencies>
                    <dependency><groupId>org.only</groupId><artifactId>there</artifactId><version>1</version></dependency>
                  </dependencies>
                </project>
                """);
        PomParser parser = new PomParser(new MavenResolutionSettings(local.localRepository(), "", false,
                List.of(new MavenResolutionSettings.Mirror("central-mirror", remote.localRepository().toUri()
                        .toString(), "central"))));
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> parser.parse(
                new LockfileSource("pom.xml", Files.readAllBytes(pom), pom.toString())));
        assertTrue(e.getMessage().contains("Blocked mirror for repositories: [insecure"), e.getMessage());
    }

    /** Outside a git work tree only the root POM's folder is reachable: a module elsewhere is refused, unread. */
    @Test
    void aModuleOutsideTheProjectTreeIsNotRead(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere/pom.xml"), "SECRET=hunter2\n");
        Path pom = Files.writeString(Files.createDirectories(dir.resolve("app")).resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.app</groupId><artifactId>app</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <modules><module>../elsewhere</module></modules>
                </project>
                """);
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> resolve(
                new TestRepository("outside-module"), pom, "app/pom.xml"));
        assertEquals("app/pom.xml:5: module '../elsewhere' is outside " + dir.resolve("app").toRealPath()
                + " (the git work tree, or the root POM's folder outside one): not read", e.userMessage());
    }

    /** A relativePath out of the tree is not followed: the parent is looked up in the repositories instead. */
    @Test
    void aParentOutsideTheProjectTreeIsLookedUpInTheRepositories(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.app</groupId><artifactId>parent</artifactId><version>1</version>
                  <packaging>pom</packaging>
                </project>
                """);
        Path pom = Files.writeString(Files.createDirectories(dir.resolve("app")).resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.app</groupId><artifactId>parent</artifactId><version>1</version>
                    <relativePath>../pom.xml</relativePath></parent>
                  <artifactId>app</artifactId>
                </project>
                """);
        LockfileParseException e = assertThrows(LockfileParseException.class, () -> resolve(
                new TestRepository("outside-parent"), pom, "app/pom.xml"));
        assertTrue(e.userMessage().startsWith("app/pom.xml:3: cannot resolve parent org.app:parent:1 (offline"),
                e.userMessage());
        Files.createDirectories(dir.resolve(".git"));
        assertEquals(List.of(), resolve(new TestRepository("inside-parent"), pom, "app/pom.xml").components(),
                "inside a git work tree the parent beside it is read");
    }
}
