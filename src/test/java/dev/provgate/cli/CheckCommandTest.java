// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.check.FakeAdvisories;
import dev.provgate.check.TestLockParser;
import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileFinder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code provgate check} end to end, on *.testlock fixtures with a fake advisory enricher. */
class CheckCommandTest {

    /** Runs the production command line with the check command's reader and enrichers swapped for test ones. */
    static CliRunner.Result check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ProvgateCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CheckCommand command = cl.getSubcommands().get("check").getCommand();
        command.use(new InventoryReader(new LockfileFinder(List.of(new TestLockParser()))),
                List.of(FakeAdvisories.standard()));
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    static String fixture(String name) {
        try {
            return Path.of(CheckCommandTest.class.getResource("/dev/provgate/check/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> exit {2}")
    @CsvSource(delimiter = '|', value = {
            "clean|                |                  0| PASSED: 0 findings (0 block, 0 warn) in 1 lockfile, 3 packages",
            "malicious-transitive| |                  1| BLOCKED: 1 finding (1 block, 0 warn) in 1 lockfile, 3 packages",
            "name-only|            |                  0| PASSED: 1 finding (0 block, 1 warn) in 1 lockfile, 2 packages",
            "name-only|            --fail-on=warn|    1| BLOCKED: 1 finding (0 block, 1 warn) in 1 lockfile, 2 packages",
            "clean|                --fail-on=warn|    0| PASSED: 0 findings (0 block, 0 warn) in 1 lockfile, 3 packages",
            "dev-only|             |                  1| BLOCKED: 1 finding (1 block, 0 warn) in 1 lockfile, 3 packages",
            "dev-only|             --ignore-dev|      0| PASSED: 0 findings (0 block, 0 warn) in 1 lockfile, 1 package; "
                    + "2 dev packages not checked (--ignore-dev)",
            "two-projects|         |                  1| BLOCKED: 1 finding (1 block, 0 warn) in 2 lockfiles, 3 packages",
    })
    void exitCodeAndSummaryLine(String fixture, String option, int exit, String summary) {
        CliRunner.Result r = option == null ? check(fixture(fixture)) : check(option, fixture(fixture));
        assertEquals(exit, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(summary, lines.get(lines.size() - 1), r.out());
        assertEquals("", r.err());
    }

    @Test
    void blockingFindingNamesPackageAdvisoryLinePathAndFix() {
        CliRunner.Result r = check(fixture("malicious-transitive"));
        String file = fixture("malicious-transitive") + "/package.testlock";
        String expected = String.join("\n",
                "BLOCKED: 1 finding (1 block, 0 warn) in 1 lockfile, 3 packages",
                "    by rule: advisory/malicious 1",
                "",
                "SEVERITY  PACKAGE             RULE                LOCATION",
                "block     event-stream@3.3.6  advisory/malicious  " + file + ":3",
                "    GHSA-mh6f-8j2x-4483: event-stream@3.3.6 is a known-malicious version: event-stream 3.3.6 pulls "
                        + "in flatmap-stream with a payload",
                "    aliases: MAL-2018-1",
                "    transitive: app-utils@2.0.0 > event-stream@3.3.6",
                "    fix: pin event-stream to 3.3.5",
                "",
                "BLOCKED: 1 finding (1 block, 0 warn) in 1 lockfile, 3 packages",
                "");
        assertEquals(expected, r.out());
    }

    @Test
    void nameOnlyMatchIsAWarningThatSaysWhereTheComponentComesFrom() {
        CliRunner.Result r = check(fixture("name-only"));
        assertTrue(r.out().contains("warn      litellm@1.82.8  advisory/name-only"), r.out());
        assertTrue(r.out().contains("litellm comes from git (https://git.example.invalid/team/litellm.git) and only "
                + "shares the name of the affected registry package"), r.out());
        assertTrue(r.out().contains("    direct\n"), r.out());
    }

    @Test
    void noLockfilesIsAnInputErrorUnlessAllowed(@TempDir Path empty) {
        CliRunner.Result r = check(empty.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertEquals("provgate: no lockfiles found under " + empty + " (--allow-empty passes anyway)",
                r.err().strip());
        assertEquals("", r.out());

        CliRunner.Result allowed = check("--allow-empty", empty.toString());
        assertEquals(ExitCodes.PASSED, allowed.exitCode());
        assertTrue(allowed.err().contains("no lockfiles found under " + empty + "; passing (--allow-empty)"),
                allowed.err());
        assertTrue(allowed.out().endsWith("PASSED: 0 findings (0 block, 0 warn) in 0 lockfiles, 0 packages\n"),
                allowed.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "--output=sarif;             is not FORMAT=FILE",
            "--output==x.sarif;          is not FORMAT=FILE",
            "--output=sarif=;            is not FORMAT=FILE",
            "--output=pdf=report.pdf;    unknown format 'pdf'",
            "--format=html;              unknown format 'html'",
            "--fail-on=info;             --fail-on",
    })
    void badOptionsAreUsageErrors(String option, String message) {
        CliRunner.Result r = check(option, fixture("clean"));
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("provgate: "), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals("", r.out());
    }

    @Test
    void brokenLockfileIsAnInputErrorWithFileAndLine() {
        CliRunner.Result r = check(fixture("broken"));
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertEquals("provgate: " + fixture("broken") + "/package.testlock:2: expected name@version, got "
                + "not-a-package", r.err().strip());
    }

    @Test
    void severalOutputFilesAtOnceWhileStdoutKeepsTheFormat(@TempDir Path dir) throws Exception {
        Path sarif = dir.resolve("out/provgate.sarif");
        Path junit = dir.resolve("provgate-junit.xml");
        Path json = dir.resolve("provgate.json");
        Path markdown = dir.resolve("summary.md");
        CliRunner.Result r = check("--format", "json", "--output", "sarif=" + sarif, "--output", "junit=" + junit,
                "--output", "json=" + json, "--output", "markdown=" + markdown, fixture("malicious-transitive"));
        assertEquals(ExitCodes.BLOCKED, r.exitCode(), r.err());

        ObjectMapper mapper = new ObjectMapper();
        JsonNode stdout = mapper.readTree(r.out());
        assertEquals("blocked", stdout.get("verdict").asText());
        assertEquals(r.out(), Files.readString(json));
        JsonNode log = mapper.readTree(sarif.toFile());
        assertEquals("advisory/malicious", log.at("/runs/0/results/0/ruleId").asText());
        assertEquals(3, log.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(1, DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getElementsByTagName("failure").getLength());
        assertTrue(Files.readString(markdown).startsWith("## provgate check: blocked\n"));
    }

    @Test
    void unwritableOutputIsAnInputError(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "");
        CliRunner.Result r = check("--output", "sarif=" + blocker.resolve("x.sarif"), fixture("clean"));
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("provgate: " + blocker.resolve("x.sarif") + ": cannot write the sarif report"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void sameInputSameBytes() {
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            assertEquals(check("--format", format, fixture("two-projects")).out(),
                    check("--format", format, fixture("two-projects")).out(), format);
        }
    }

    @Test
    void helpListsFormatsAndExitCodes() {
        CliRunner.Result r = CliRunner.run("check", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("markdown, sarif, text (default: text)"), r.out());
        assertTrue(r.out().contains("--output=FORMAT=FILE"), r.out());
        assertTrue(r.out().contains("Exit codes: 0 passed, 1 blocked"), r.out());
    }
}
