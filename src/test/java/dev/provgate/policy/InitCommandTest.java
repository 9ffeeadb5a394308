// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.cli.ProvgateCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAStarterThatLoads() {
        CliRunner.Result r = CliRunner.run("init", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path written = dir.resolve("trust-tiers.yaml");
        assertTrue(r.out().startsWith("wrote "), r.out());
        Policy p = PolicyLoader.load(written);
        assertEquals("product", p.defaultTier().name());
        assertEquals(3, p.tiers().size());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path existing = Files.writeString(dir.resolve("trust-tiers.yaml"), "# mine\n");
        CliRunner.Result r = CliRunner.run("init", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("trust-tiers.yaml: already exists; use --force to overwrite it"), r.err());
        assertEquals("# mine\n", Files.readString(existing));

        CliRunner.Result forced = CliRunner.run("init", "--force", dir.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(existing).contains("tiers:"));
    }

    @Test
    void explainWorksOnTheStarter() {
        CliRunner.run("init", dir.toString());
        CliRunner.Result r = CliRunner.run("explain", "pkg:npm/esbuild@0.20.0", "--policy",
                dir.resolve("trust-tiers.yaml").toString(), dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("tier 1 (tooling)"), r.out());
    }

    @Test
    void saysWhatEvidenceThePolicyNeedsAndHowToGetIt() throws IOException {
        Files.writeString(dir.resolve("package-lock.json"), LOCK);
        CliRunner.Result r = CliRunner.run("init", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("wrote " + dir.resolve("trust-tiers.yaml").normalize().toString().replace('\\', '/')
                + " (lockfiles found for npm); check a package with: provgate explain NAME@VERSION", lines.get(0));
        assertTrue(lines.get(1).startsWith("its min_release_age and provenance rules need publish times and "
                + "provenance from the attestation store, "), lines.get(1));
        assertTrue(lines.get(2).startsWith("  provgate attestations fetch " + dir.toString().replace('\\', '/')),
                lines.get(2));
        assertEquals("then: provgate check " + dir.toString().replace('\\', '/'), lines.get(3));
    }

    @Test
    void fetchRunsTheFetchRightAway() throws IOException {
        // A package from a local folder: nothing to fetch, so this test never goes online.
        Files.writeString(dir.resolve("package-lock.json"), LOCK.replace(
                "\"resolved\": \"https://npm.registry.invalid/left-pad/-/left-pad-1.3.0.tgz\"",
                "\"resolved\": \"file:../left-pad\""));
        // As the launcher builds it: a command line that holds only the init command.
        String[] args = {"init", "--fetch", dir.toString()};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvgateCommand.commandLineFor(new PrintWriter(out, true), new PrintWriter(err, true), args)
                .execute(args);
        CliRunner.Result r = new CliRunner.Result(code, out.toString(), err.toString());
        assertTrue(r.out().contains("fetching them now (provgate attestations fetch "), r.out());
        assertTrue(r.out().contains("0 fetched, 1 skipped"), r.out());
        assertEquals(0, r.exitCode(), "the fetch's own exit code: nothing needed fetching");
        assertTrue(Files.exists(dir.resolve("trust-tiers.yaml")));
    }

    @Test
    void fetchTakesTheNetworkOptionsGivenToInit() throws IOException {
        Files.writeString(dir.resolve("package-lock.json"), LOCK);
        Path cache = Files.createDirectories(dir.resolve("http-cache"));
        String[] args = {"init", "--fetch", "--offline", "--cache-dir", cache.toString(), "--npm-registry",
            "http://127.0.0.1:9/", dir.toString()};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvgateCommand.commandLineFor(new PrintWriter(out, true), new PrintWriter(err, true), args)
                .execute(args);
        // --offline reached the fetch: nothing in the empty cache, no request made, and it says why
        assertEquals(2, code, out + "\n" + err);
        assertTrue(err.toString().contains("(--offline: only the HTTP cache was read)"), err.toString());
    }

    private static final String LOCK = """
            {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "packages": {
              "": {"name": "app", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}},
              "node_modules/left-pad": {"version": "1.3.0",
                "resolved": "https://npm.registry.invalid/left-pad/-/left-pad-1.3.0.tgz"}}}
            """;
}
