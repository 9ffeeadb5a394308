// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hour on a generated npm project of 3,000 packages, one of them known-malicious: {@code init}, then
 * {@code check} without an attestation store, in every human format and in JSON.
 */
class GeneratedProjectReportTest {
    static final int PACKAGES = 3_000;

    @TempDir
    static Path project;

    @BeforeAll
    static void initProject() throws IOException {
        Files.writeString(project.resolve("package-lock.json"), packageLock(PACKAGES), StandardCharsets.UTF_8);
        CliRunner.Result init = CliRunner.run("init", project.toString());
        assertEquals(0, init.exitCode(), init.err());
    }

    /** A lockfileVersion 3 file: pkg-0 ... pkg-N, every one direct, plus flatmap-stream 0.1.1 (MAL-2018-1). */
    static String packageLock(int count) {
        StringBuilder deps = new StringBuilder();
        StringBuilder packages = new StringBuilder();
        for (int i = 0; i < count - 1; i++) {
            deps.append(String.format("\"pkg-%d\": \"1.0.%d\", ", i, i % 7));
            packages.append(String.format(",%n    \"node_modules/pkg-%d\": {\"version\": \"1.0.%d\", "
                    + "\"resolved\": \"https://npm.registry.invalid/pkg-%d/-/pkg-%d-1.0.%d.tgz\", "
                    + "\"integrity\": \"sha512-%s==\"}", i, i % 7, i, i, i % 7, "A".repeat(86)));
        }
        return "{\n  \"name\": \"generated\", \"version\": \"1.0.0\", \"lockfileVersion\": 3,\n  \"packages\": {\n"
                + "    \"\": {\"name\": \"generated\", \"version\": \"1.0.0\", \"dependencies\": {" + deps
                + "\"flatmap-stream\": \"0.1.1\"}}" + packages
                + ",\n    \"node_modules/flatmap-stream\": {\"version\": \"0.1.1\", \"resolved\": "
                + "\"https://npm.registry.invalid/flatmap-stream/-/flatmap-stream-0.1.1.tgz\", \"integrity\": "
                + "\"sha512-" + "B".repeat(86) + "==\"}\n  }\n}\n";
    }

    static CliRunner.Result check(String... options) {
        return CliRunner.check(project, options);
    }

    @Test
    void textLeadsWithTheSummaryNamesTheMissingStoreOnceAndGroupsTheRest() {
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("note: no attestation store at "), r.out());
        assertTrue(lines.get(0).contains("run 'provgate attestations fetch'"), lines.get(0));
        assertEquals(1, r.out().split("no attestation store", -1).length - 1, r.out());
        assertTrue(lines.get(1).startsWith("BLOCKED: "), lines.get(1));
        assertTrue(lines.get(2).startsWith("    by rule: tier/release-age 3,000"), lines.get(2));
        // The malicious package comes first, on its own row, before any grouped entry.
        int advisory = indexOf(lines, "block     flatmap-stream@0.1.1");
        int firstGroup = indexOf(lines, "warn  tier/release-age  3,000 packages  tiers: product");
        assertTrue(advisory > 0 && advisory < firstGroup, r.out());
        assertTrue(r.out().contains(", pkg-9@1.0.2, and 2,990 more (--verbose lists them all)\n"), r.out());
        assertTrue(lines.size() < 100, lines.size() + " lines:\n" + r.out());
        assertEquals(lines.get(1), lines.get(lines.size() - 1));
        assertFalse(r.out().contains("\u001b"), "no colour when not on a terminal");
        assertFalse(r.out().matches("(?s).*\\b(3000|3002|2990)\\b.*"), "every count is printed one way: 3,000");
    }

    @Test
    void verboseTextListsEveryPackage() {
        String out = check("--verbose").out();
        for (int i = 0; i < PACKAGES - 1; i += 97) {
            assertTrue(out.contains("\n      pkg-" + i + "@1.0." + i % 7 + "  "), "pkg-" + i);
        }
    }

    @Test
    void markdownFitsAPullRequestCommentAndSaysWhatItLeftOut() {
        CliRunner.Result r = check("--format", "markdown");
        int bytes = r.out().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 65_536, bytes + " bytes");
        assertTrue(bytes > 60_000, "fills the space it has: " + bytes);
        assertTrue(r.out().contains("> **Note:** no attestation store at "), r.out());
        assertTrue(r.out().indexOf("flatmap-stream@0.1.1") < r.out().indexOf("<details>"), "advisory first");
        assertTrue(r.out().contains("<summary>warn tier/release-age: 3,000 packages, tiers: product</summary>"),
                "the group heading");
        assertTrue(r.out().matches("(?s).*\\*\\*Cut to fit 65,536 bytes \\(--markdown-limit\\): [0-9,]+ of [0-9,]+ "
                + "findings are not listed here; run <code>provgate check --output json=provgate.json</code> for "
                + "the full report\\.\\*\\*\n"), r.out().substring(r.out().length() - 400));
    }

    @Test
    void markdownForAStepSummaryNamesTheJsonReportWhenCut() throws IOException {
        Path json = project.resolve("out/provgate.json");
        CliRunner.Result whole = check("--format", "markdown", "--markdown-limit", "1048576");
        assertFalse(whole.out().contains("Cut to fit"), "everything fits in 1 MiB");
        assertTrue(whole.out().contains("<code>pkg-2998@1.0.2</code>"), "the last package is listed");
        CliRunner.Result cut = check("--format", "markdown", "--markdown-limit", "20000",
                "--output", "json=" + json);
        assertTrue(cut.out().getBytes(StandardCharsets.UTF_8).length <= 20_000);
        assertTrue(cut.out().contains("the full report is in <code>" + json.toString().replace('\\', '/')
                + "</code>"), cut.out());
        assertTrue(Files.size(json) > 1_000_000, "the JSON file has every finding");
        CliRunner.Result tooBig = check("--format", "markdown", "--markdown-limit", "2000000");
        assertEquals(2, tooBig.exitCode());
        assertTrue(tooBig.err().contains("1 MiB"), tooBig.err());
    }

    @Test
    void jsonKeepsOneFindingPerPackageAndRule() throws IOException {
        CliRunner.Result r = check("--format", "json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode findings = doc.get("findings");
        assertEquals(doc.get("summary").get("findings").asLong(), findings.size());
        assertEquals(PACKAGES + 2, findings.size(), "release age for each, two advisories for one");
        Set<String> keys = new HashSet<>();
        findings.forEach(f -> assertTrue(keys.add(String.join(" ", f.get("ruleId").asText(),
                f.get("package").get("purl").asText(), f.get("message").asText())), "one per package and cause: " + f));
        assertEquals(PACKAGES, findings.findValuesAsText("ruleId").stream().filter("tier/release-age"::equals)
                .count());
        assertTrue(r.err().contains("provgate: no attestation store at "), "the notice goes to stderr: " + r.err());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
