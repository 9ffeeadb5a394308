// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.advisory.AdvisoryDatabase;
import dev.provgate.installed.InstalledTrees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code provgate hunt} end to end on environments the tests install, against the built-in advisory snapshot. */
class HuntCommandTest {
    @TempDir
    Path tmp;
    private Path emptyDb;

    @BeforeEach
    void noImportedDatabase() throws Exception {
        emptyDb = Files.createDirectories(tmp.resolve("no-db"));
    }

    private CliRunner.Result hunt(String... args) {
        List<String> all = new ArrayList<>(List.of("hunt"));
        all.addAll(List.of(args));
        if (!all.contains("--db-dir")) {
            all.addAll(List.of("--db-dir", emptyDb.toString()));
        }
        return CliRunner.run(all.toArray(String[]::new));
    }

    /** litellm 1.82.8 with its start-up .pth and a file changed after install; a malicious npm version nested. */
    private Path infectedProject() throws Exception {
        Path project = tmp.resolve("infected");
        Path sp = InstalledTrees.venv(project.resolve(".venv"));
        InstalledTrees.install(sp, "litellm", "1.82.8", Map.of(
                "litellm/__init__.py", "from .main import completion\n",
                "litellm/proxy/proxy_server.py", "app = None\n",
                "litellm_init.pth", InstalledTrees.INIT_PTH), List.of());
        Files.writeString(sp.resolve("litellm/proxy/proxy_server.py"), "app = None\nsteal()\n");
        Path nm = project.resolve("node_modules");
        InstalledTrees.npmPackage(nm.resolve("app-lib"), "app-lib", "1.0.0", "");
        InstalledTrees.npmPackage(nm.resolve("app-lib/node_modules/@solana/web3.js"), "@solana/web3.js", "1.95.7",
                "");
        return project;
    }

    private Path cleanProject() {
        Path project = tmp.resolve("clean");
        Path sp = InstalledTrees.venv(project.resolve(".venv"));
        InstalledTrees.install(sp, "litellm", "1.82.6", Map.of("litellm/__init__.py", "x = 1\n"), List.of());
        InstalledTrees.install(sp, "setuptools", "70.0.0", Map.of(
                "distutils-precedence.pth", InstalledTrees.DISTUTILS_PRECEDENCE,
                "_distutils_hack/__init__.py", "def add_shim(): pass\n"), List.of());
        InstalledTrees.npmPackage(project.resolve("node_modules/@solana/web3.js"), "@solana/web3.js", "1.95.8", "");
        return project;
    }

    @Test
    void anInfectedProjectIsBlockedAtEveryTrace() throws Exception {
        Path project = infectedProject();
        CliRunner.Result r = hunt(project.toString(), "--format", "json");
        assertEquals(1, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> found = new ArrayList<>();
        json.path("findings").forEach(f -> found.add(f.path("severity").asText() + " " + f.path("ruleId").asText()
                + " " + f.path("package").path("name").asText() + " "
                + project.relativize(Path.of(f.path("location").path("file").asText()))));
        String sp = ".venv/lib/python3.12/site-packages/";
        assertEquals(List.of(
                "block advisory/malicious litellm " + sp + "litellm-1.82.8.dist-info/METADATA",
                "block advisory/malicious litellm " + sp + "litellm-1.82.8.dist-info/METADATA",
                "block installed/modified litellm " + sp + "litellm/proxy/proxy_server.py",
                "block installed/startup-code litellm " + sp + "litellm_init.pth",
                "block advisory/malicious @solana/web3.js node_modules/app-lib/node_modules/@solana/web3.js/"
                        + "package.json",
                "block advisory/vulnerable @solana/web3.js node_modules/app-lib/node_modules/@solana/web3.js/"
                        + "package.json"), found);
        assertEquals(List.of(4, 2), List.of(json.path("lockfiles").path(0).path("findings").asInt(),
                json.path("lockfiles").path(1).path("findings").asInt()), "findings counted under each root");
        assertTrue(r.err().contains("provgate hunt: " + project + "/.venv/lib/python3.12/site-packages "
                + "(python/site-packages): 1 packages, "), r.err());
    }

    @Test
    void theTextReportReadsAtAGlance() throws Exception {
        Path project = infectedProject();
        CliRunner.Result r = hunt(project.resolve(".venv").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("block     litellm@1.82.8  installed/startup-code  " + project
                + "/.venv/lib/python3.12/site-packages/litellm_init.pth:1"), r.out());
        assertTrue(r.out().contains("MAL-2026-2144: litellm@1.82.8 is a known-malicious version"), r.out());
        assertTrue(r.out().strip().endsWith("BLOCKED: 4 findings (4 block, 0 warn) in 1 lockfile, 1 package"),
                r.out());
    }

    @Test
    void aCleanProjectPasses() {
        CliRunner.Result r = hunt(cleanProject().toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("PASSED: 0 findings (0 block, 0 warn) in 2 lockfiles, 3 packages\n", r.out());
    }

    @Test
    void aFileWithAKnownBadDigestIsBlockedWhateverItsName() throws Exception {
        Path advisories = tmp.resolve("advisories");
        InstalledTrees.write(advisories.resolve("MAL-2099-77.json"), "{\"schema_version\": \"1.6.0\", \"id\": "
                + "\"MAL-2099-77\", \"modified\": \"2099-01-01T00:00:00Z\", \"summary\": \"Malicious code in "
                + "testlite (PyPI)\", \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": "
                + "\"testlite\"}, \"versions\": [\"6.6.6\"]}]}");
        InstalledTrees.write(advisories.resolve("indicators.json"), "{\"installed_files\": [{\"ecosystem\": "
                + "\"PyPI\", \"name\": \"testlite\", \"version\": \"6.6.6\", \"path\": \"testlite_init.pth\", "
                + "\"sha256\": \"" + InstalledTrees.sha256Hex(InstalledTrees.INIT_PTH) + "\", \"advisories\": "
                + "[\"MAL-2099-77\"]}]}");
        Path db = tmp.resolve("db");
        CliRunner.Result imported = CliRunner.run("advisories", "import", advisories.toString(), "--db-dir",
                db.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        Path wheelhouse = tmp.resolve("wheelhouse");
        InstalledTrees.write(wheelhouse.resolve("deep/notes.txt"), InstalledTrees.INIT_PTH);
        InstalledTrees.write(wheelhouse.resolve("testlite-6.6.6-py3-none-any.whl"), "not really a zip");
        InstalledTrees.write(wheelhouse.resolve("harmless-1.0.tar.gz"), "sdist");

        CliRunner.Result r = hunt(wheelhouse.toString(), "--db-dir", db.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("block     " + wheelhouse + "/deep/notes.txt  advisory/malicious  " + wheelhouse
                + "/deep/notes.txt"), r.out());
        assertTrue(r.out().contains("MAL-2099-77: a locked file of " + wheelhouse + "/deep/notes.txt has the digest "
                + "of a known-bad file (malicious): locked file sha256:"), r.out());
        assertTrue(r.out().contains("block     testlite@6.6.6"), "the wheel's name and version: " + r.out());
        assertTrue(r.err().contains("(files): 2 packages, 3 files, 3 hashed"), r.err());
    }

    @Test
    void theBuiltInSnapshotKnowsTheLitellmStartupFile() {
        assertFalse(AdvisoryDatabase.builtIn()
                .withDigest("71e35aef03099cd1f2d6446734273025a163597de93912df321ef118bf135238").isEmpty());
    }

    @Test
    void aPolicyExceptionAllowsAKnownStartupLine() throws Exception {
        Path project = tmp.resolve("allowed");
        Path sp = InstalledTrees.venv(project.resolve("venv"));
        InstalledTrees.install(sp, "mytool", "1.0", Map.of("mytool.pth", "import mytool_boot\n",
                "mytool_boot.py", "pass\n"), List.of());
        assertEquals(1, hunt(project.toString()).exitCode());
        Files.writeString(project.resolve("trust-tiers.yaml"), "builtin_classification: false\ndefault_tier: product\ntiers:\n  0:\n"
                + "    name: product\nexceptions:\n"
                + "  - package: pkg:pypi/mytool\n    rule: installed/startup-code\n"
                + "    reason: sets up our tracing; reviewed\n    owner: alice\n    expires: 2999-01-01\n"
                + "  - package: pkg:npm/left-pad\n    rule: tier/provenance\n"
                + "    reason: not about installed files\n    owner: bob\n    expires: 2999-01-01\n");
        CliRunner.Result r = hunt(project.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("suppressed: sets up our tracing; reviewed (alice, until 2999-01-01)"), r.out());
        assertFalse(r.out().contains("left-pad"), "lockfile exceptions are not reported unused: " + r.out());
    }

    @Test
    void aMissingPathIsAnInputError() {
        CliRunner.Result r = hunt(tmp.resolve("nope").toString());
        assertEquals(2, r.exitCode());
        assertEquals("provgate: " + tmp.resolve("nope") + ": no such file or folder", r.err().strip());
    }

    @Test
    void reportsGoToFilesInEveryFormat() throws Exception {
        Path project = infectedProject();
        Path sarif = tmp.resolve("out/hunt.sarif");
        Path junit = tmp.resolve("out/hunt.xml");
        CliRunner.Result r = hunt(project.toString(), "--output", "sarif=" + sarif, "--output", "junit=" + junit,
                "--format", "markdown");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(Files.readString(sarif).contains("\"ruleId\" : \"installed/startup-code\"")
                || Files.readString(sarif).contains("\"ruleId\": \"installed/startup-code\""));
        assertTrue(Files.readString(junit).contains("installed/modified"));
        assertTrue(r.out().contains("installed/startup-code"), r.out());
    }

    private CliRunner.Result huntWithEnvironment(Map<String, String> env, Path home, Path cwd) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ProvgateCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        HuntCommand command = cl.getSubcommands().get("hunt").getCommand();
        command.useEnvironment(env, home, cwd);
        int code = cl.execute("hunt", "--db-dir", emptyDb.toString());
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    @Test
    void withoutPathItHuntsTheActiveEnvironmentTheUserSiteAndNodeModules() throws Exception {
        Path project = infectedProject();
        Path home = tmp.resolve("home");
        Path userSite = Files.createDirectories(home.resolve(".local/lib/python3.12/site-packages"));
        InstalledTrees.install(userSite, "tool", "1.0", Map.of("tool.py", "x\n"), List.of());
        CliRunner.Result r = huntWithEnvironment(Map.of("VIRTUAL_ENV", project.resolve(".venv").toString(),
                "PATH", ""), home, project);
        assertEquals(1, r.exitCode(), r.err());
        List<String> roots = r.err().lines().map(l -> l.replaceFirst(" \\(.*", "")).toList();
        assertEquals(List.of("provgate hunt: " + project + "/.venv/lib/python3.12/site-packages",
                "provgate hunt: " + userSite, "provgate hunt: " + project + "/node_modules"), roots);
    }

    @Test
    void withoutPathOrEnvironmentThereIsNothingToHunt() {
        CliRunner.Result r = huntWithEnvironment(Map.of("PATH", ""), tmp.resolve("home"), tmp);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("provgate: nothing to hunt in:"), r.err());
    }

    @Test
    void thePythonOnPathLeadsToItsPrefixWithoutRunningIt() throws Exception {
        Path prefix = tmp.resolve("usr");
        Path real = prefix.resolve("bin/python3.12");
        InstalledTrees.write(real, "#!/bin/false\n");
        Files.createSymbolicLink(prefix.resolve("bin/python3"), real);
        Path sp = Files.createDirectories(prefix.resolve("lib/python3.12/site-packages"));
        Path debian = Files.createDirectories(prefix.resolve("lib/python3/dist-packages"));
        InstalledTrees.install(sp, "six", "1.16.0", Map.of("six.py", "x\n"), List.of());
        CliRunner.Result r = huntWithEnvironment(Map.of("PATH", prefix.resolve("bin").toString()),
                tmp.resolve("home"), tmp);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("provgate hunt: " + sp + " (python/site-packages): 1 packages"), r.err());
        assertTrue(r.err().contains("provgate hunt: " + debian + " (python/site-packages): 0 packages"), r.err());
    }

    @Test
    void aPyenvShimLeadsToTheVersionItWouldPick() throws Exception {
        Path pyenv = tmp.resolve("pyenv");
        InstalledTrees.write(pyenv.resolve("shims/python3"), "#!/usr/bin/env bash\nexec pyenv exec python3\n");
        Files.writeString(pyenv.resolve("version"), "3.11.7\n");
        Path sp = Files.createDirectories(pyenv.resolve("versions/3.11.7/lib/python3.11/site-packages"));
        Files.createDirectories(pyenv.resolve("versions/3.12.1/lib/python3.12/site-packages"));
        Path project = Files.createDirectories(tmp.resolve("project"));
        Map<String, String> env = Map.of("PATH", pyenv.resolve("shims").toString());
        assertTrue(huntWithEnvironment(env, tmp.resolve("home"), project).err()
                .contains("provgate hunt: " + sp + " (python/site-packages)"));
        Files.writeString(project.resolve(".python-version"), "3.12.1\n");
        assertTrue(huntWithEnvironment(env, tmp.resolve("home"), project).err().contains("provgate hunt: "
                + pyenv.resolve("versions/3.12.1/lib/python3.12/site-packages") + " (python/site-packages)"));
    }

    @Test
    void filesOverTheBoundAreNotReadButNoted() throws Exception {
        Path folder = tmp.resolve("big");
        InstalledTrees.write(folder.resolve("large.bin"), "0123456789");
        InstalledTrees.write(folder.resolve("small.txt"), "0123");
        CliRunner.Result r = hunt(folder.toString(), "--max-file-size", "5", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode finding = new ObjectMapper().readTree(r.out()).path("findings").path(0);
        assertEquals("installed/unverified", finding.path("ruleId").asText());
        assertEquals("1 entry under " + folder + ": not compared with the known-bad file digests: large.bin (larger "
                + "than the 5-byte bound (--max-file-size), not read)", finding.path("message").asText());
        assertTrue(r.err().contains("(files): 0 packages, 2 files, 1 hashed"), r.err());
        assertEquals(2, hunt(folder.toString(), "--max-file-size", "-1").exitCode());
    }

    @Test
    void theSameEnvironmentGivesTheSameBytes() throws Exception {
        Path project = infectedProject();
        String first = hunt(project.toString(), "--format", "json").out();
        assertEquals(first, hunt(project.toString(), "--format", "json").out());
        assertEquals(hunt(project.toString(), "--format", "sarif").out(),
                hunt(project.toString(), "--format", "sarif").out());
    }
}
