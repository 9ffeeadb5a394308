// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.check.TestLockParser;
import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.provenance.fetch.FakeRegistry;
import dev.provgate.provenance.fetch.FakeRegistry.Answer;
import dev.provgate.provenance.fetch.UserConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code provgate attestations fetch|list} end to end, on *.testlock projects and a local fake registry. */
class AttestationsCommandTest {
    private final FakeRegistry registry = new FakeRegistry();
    @TempDir
    Path project;
    @TempDir
    Path home;

    @BeforeEach
    void serve() throws Exception {
        Files.writeString(project.resolve("package.testlock"), "a@1.0.0 direct\n@s/b@2.0.0\n");
        registry.on("/a", Answer.ok("{\"versions\": {\"1.0.0\": {\"dist\": {}}}, "
                + "\"time\": {\"1.0.0\": \"2024-01-02T03:04:05Z\"}}"));
        registry.on("/-/npm/v1/attestations/a@1.0.0", Answer.ok("{\"attestations\": []}"));
        registry.on("/@s%2Fb", Answer.ok("{\"versions\": {\"2.0.0\": {\"dist\": {}}}}"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private CliRunner.Result fetch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ProvgateCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        AttestationsCommand.Fetch command = cl.getSubcommands().get("attestations").getSubcommands().get("fetch")
                .getCommand();
        command.use(new InventoryReader(new LockfileFinder(List.of(new TestLockParser()))),
                new UserConfig(home, Map.of()));
        List<String> all = new ArrayList<>(List.of("attestations", "fetch", "--cache-dir",
                home.resolve("cache").toString()));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    @Test
    void fetchFillsTheProjectStoreAndListsEveryPackage() {
        CliRunner.Result r = fetch("--npm-registry", registry.url("/"), project.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Path store = project.resolve("attestations");
        assertEquals(String.join("\n",
                "note: 0 of 2 npm packages have registry signatures in the registry's documents; the npm registry "
                        + "signs every package, so the registry fetched from probably strips them (a mirror?): fetch "
                        + "through one that passes dist.signatures through",
                "fetched      npm:@s/b@2.0.0  not published: attestations.json, registry-signatures.json; "
                        + "no publish time from the registry",
                "fetched      npm:a@1.0.0     attestations.json, release.json; not published: "
                        + "registry-signatures.json",
                "2 fetched, 0 skipped, 0 without registry URL, 0 failed; store: " + store, ""), r.out());
        assertEquals("", r.err());
        assertTrue(Files.isRegularFile(store.resolve("npm/a/1.0.0/attestations.json")));
        assertTrue(Files.isRegularFile(store.resolve("npm/@s/b/2.0.0/not-published.json")));

        CliRunner.Result list = CliRunner.run("attestations", "list", project.toString());
        assertEquals(String.join("\n",
                "npm  @s/b@2.0.0  not-published.json",
                "npm  a@1.0.0  attestations.json, not-published.json, release.json",
                "2 versions in " + store, ""), list.out());
    }

    @Test
    void offlineOpensNoConnectionAndExitsTwoWhenNothingIsCached() {
        CliRunner.Result r = fetch("--offline", "--npm-registry", registry.url("/"), project.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(List.of(), registry.seen());
        assertTrue(r.out().contains("failed       npm:a@1.0.0     network disabled by --offline (wanted "
                + registry.url("/a") + ")"), r.out());
        assertEquals("provgate: nothing could be fetched (--offline: only the HTTP cache was read)\n", r.err());
    }

    @Test
    void offlineAfterAnOnlineRunUsesTheCacheOnly() {
        fetch("--npm-registry", registry.url("/"), project.toString());
        int requests = registry.seen().size();
        CliRunner.Result r = fetch("--offline", "--npm-registry", registry.url("/"), "--attestations",
                home.resolve("other-store").toString(), project.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(requests, registry.seen().size());
        assertTrue(Files.isRegularFile(home.resolve("other-store/npm/a/1.0.0/attestations.json")));
    }

    @Test
    void withoutAnyRegistryUrlEveryPackageIsUnverifiedAndTheExitIsTwo() {
        CliRunner.Result r = fetch(project.toString());
        assertEquals(2, r.exitCode());
        assertEquals(List.of("no-registry  npm: 2 packages (@s/b@2.0.0, a@1.0.0) unverified: no npm registry configured "
                + "(npm_config_registry, .npmrc registry=) and the lockfile records none: run `npm config set registry "
                + "URL`, or pass --npm-registry URL"), r.out().lines().filter(l -> l.startsWith("no-registry")).toList(),
                "said once, with the fix, not once per package");
        assertEquals(List.of(), registry.seen());
    }

    @Test
    void projectNpmrcNamesTheRegistry() throws Exception {
        Files.writeString(project.resolve(".npmrc"), "registry=" + registry.url("/") + "\n");
        CliRunner.Result r = fetch(project.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().lines().skip(1).findFirst().orElse("").startsWith("fetched"), r.out());
    }

    @Test
    void partialFailureStillExitsZeroAndNamesTheFailure() {
        registry.on("/@s%2Fb", Answer.status(403));
        CliRunner.Result r = fetch("--npm-registry", registry.url("/"), project.toString());
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("failed       npm:@s/b@2.0.0  HTTP 403 from " + registry.url("/@s%2Fb")), r.out());
        assertTrue(r.out().contains("1 fetched, 0 skipped, 0 without registry URL, 1 failed"), r.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRunner.Result url = fetch("--npm-registry", "ftp://x.invalid", project.toString());
        assertEquals(2, url.exitCode());
        assertEquals("provgate: not an http(s) registry URL: ftp://x.invalid\n", url.err());
        CliRunner.Result timeout = fetch("--timeout", "0", project.toString());
        assertEquals(2, timeout.exitCode());
        assertTrue(timeout.err().startsWith("provgate: --timeout must be a positive number"), timeout.err());
        CliRunner.Result none = fetch(home.toString());
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("provgate: no lockfiles found under"), none.err());
    }

    @Test
    void offlineNetworkIsNotAnHttpClient() {
        NetworkOptions options = new NetworkOptions();
        new CommandLine(options).parseArgs("--offline", "--cache-dir", home.resolve("c").toString());
        assertFalse(options.network(new UserConfig(home, Map.of())).online());
        NetworkOptions online = new NetworkOptions();
        new CommandLine(online).parseArgs();
        assertEquals(home.resolve(".cache/provgate/http"), online.cacheDir(new UserConfig(home, Map.of())));
        assertEquals(Path.of("/x/provgate/http"), online.cacheDir(new UserConfig(home, Map.of("XDG_CACHE_HOME", "/x"))));
    }

    @Test
    void attestationsWithoutSubcommandIsAUsageError() {
        CliRunner.Result r = CliRunner.run("attestations");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("a subcommand is required: fetch or list"), r.err());
    }

    @Test
    void listOfAnEmptyStore() {
        CliRunner.Result r = CliRunner.run("attestations", "list", "--attestations", home.resolve("none").toString());
        assertEquals(0, r.exitCode());
        assertEquals("0 versions in " + home.resolve("none") + "\n", r.out());
    }
}
