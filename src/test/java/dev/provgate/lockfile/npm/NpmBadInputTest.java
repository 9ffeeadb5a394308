// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind: one LockfileParseException naming the file and the line, never a crash. */
class NpmBadInputTest {

    static Stream<Arguments> badFixtures() {
        return Stream.of(
                Arguments.of("not-json.txt", "package-lock.json", 1, "invalid JSON"),
                Arguments.of("yaml-content.invalid.json", "package-lock.json", 1, "invalid JSON"),
                Arguments.of("duplicate-key.invalid.json", "package-lock.json", 7, "Duplicate field 'node_modules/a'"),
                Arguments.of("truncated.invalid.json", "package-lock.json", 6, "truncated JSON"),
                Arguments.of("empty.invalid.json", "package-lock.json", 1, "empty file"),
                Arguments.of("empty.invalid.json", "yarn.lock", 1, "empty file"),
                Arguments.of("empty.invalid.json", "pnpm-lock.yaml", 1, "empty file"),
                Arguments.of("packages-array.invalid.json", "package-lock.json", 3, "expected a JSON object"),
                Arguments.of("no-lockfile-version.invalid.json", "npm-shrinkwrap.json", 1, "no lockfileVersion"),
                Arguments.of("unknown-version.invalid.json", "package-lock.json", 3, "unsupported lockfileVersion 4"),
                Arguments.of("bad-integrity.invalid.json", "package-lock.json", 4, "does not start with sha1-"),
                Arguments.of("short-integrity.invalid.json", "package-lock.json", 4, "has 3 bytes"),
                Arguments.of("version-not-string.invalid.json", "package-lock.json", 5, "'version' must be a string"),
                Arguments.of("trailing-content.invalid.json", "package-lock.json", 5, "unexpected content after"),
                Arguments.of("empty-name.invalid.json", "package-lock.json", 4, "not a valid package"),
                Arguments.of("classic-bad-name.invalid.yarn.lock", "yarn.lock", 4, "not a valid package"),
                Arguments.of("neither.invalid.yarn.lock", "yarn.lock", 1, "not yarn.lock syntax"),
                Arguments.of("one-package.v3.json", "yarn.lock", 1, "not yarn.lock syntax"),
                Arguments.of("berry-metadata-11.invalid.yarn.lock", "yarn.lock", 1, "__metadata version '11'"),
                Arguments.of("classic-no-version.invalid.yarn.lock", "yarn.lock", 7, "entry has no version"),
                Arguments.of("classic-bad-indent.invalid.yarn.lock", "yarn.lock", 5, "unexpected indentation"),
                Arguments.of("classic-unterminated-quote.invalid.yarn.lock", "yarn.lock", 4, "unterminated"),
                Arguments.of("berry-no-resolution.invalid.yarn.lock", "yarn.lock", 5, "entry has no resolution"),
                Arguments.of("berry-entry-not-mapping.invalid.yarn.lock", "yarn.lock", 5, "must be a mapping"),
                Arguments.of("yaml-alias-bomb.invalid.yarn.lock", "yarn.lock", 5, "YAML alias '*a'"),
                Arguments.of("unsupported-version.invalid.pnpm-lock.yaml", "pnpm-lock.yaml", 1,
                        "unsupported pnpm lockfileVersion '7.0'"),
                Arguments.of("no-lockfile-version.invalid.pnpm-lock.yaml", "pnpm-lock.yaml", 1,
                        "no lockfileVersion"),
                Arguments.of("packages-sequence.invalid.pnpm-lock.yaml", "pnpm-lock.yaml", 3,
                        "'packages' must be a mapping"),
                Arguments.of("duplicate-key.invalid.pnpm-lock.yaml", "pnpm-lock.yaml", 8, "Duplicate field 'a@1.0.0'"),
                Arguments.of("not-yaml.invalid.pnpm-lock.yaml", "pnpm-lock.yaml", 5, "invalid YAML"),
                Arguments.of("top-level-sequence.invalid.pnpm-lock.yaml", "pnpm-lock.yaml", 1,
                        "expected a YAML mapping"),
                Arguments.of("one-package.v3.json", "pnpm-lock.yaml", 4, "unsupported pnpm lockfileVersion '3'"),
                Arguments.of("catalogs-snapshots.v9.pnpm-lock.yaml", "package-lock.json", 1, "invalid JSON"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("badFixtures")
    void fixtureIsRefusedWithFileAndLine(String fixture, String lockfileName, int line, String message) {
        assertRefused(Fixtures.source(fixture, lockfileName), line, message);
    }

    static Stream<Arguments> generated() {
        String deepJson = "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": {\"x\": "
                + "[".repeat(2000) + "]".repeat(2000) + "}}}";
        String deepYaml = "lockfileVersion: '9.0'\nsettings:\n  x: " + "[".repeat(200) + "]".repeat(200) + "\n";
        String hugeNumber = "{\n\"lockfileVersion\": " + "9".repeat(5000) + "\n}";
        return Stream.of(
                Arguments.of("package-lock.json", new byte[] {'{', '\n', 0, 1, 2, (byte) 0xff}, 2, "binary content"),
                Arguments.of("yarn.lock", new byte[] {'#', '\n', 'a', 0}, 2, "binary content"),
                Arguments.of("pnpm-lock.yaml", "lockfileVersion: '9.0'\n\u00ff".getBytes(StandardCharsets.ISO_8859_1),
                        2, "not valid UTF-8"),
                Arguments.of("package-lock.json", deepJson.getBytes(StandardCharsets.UTF_8), 1, "nesting depth"),
                Arguments.of("pnpm-lock.yaml", deepYaml.getBytes(StandardCharsets.UTF_8), 3, "nested deeper than 64"),
                Arguments.of("package-lock.json", hugeNumber.getBytes(StandardCharsets.UTF_8), 2, "Number value length"));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("generated")
    void generatedInputIsRefusedWithFileAndLine(String lockfileName, byte[] content, int line, String message) {
        assertRefused(new LockfileSource("gen/" + lockfileName, content, ""), line, message);
    }

    @Test
    void veryLargeLockfileParses() {
        int count = 100_000;
        StringBuilder sb = new StringBuilder("{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {},\n");
        for (int i = 0; i < count; i++) {
            sb.append("    \"node_modules/p").append(i).append("\": {\"version\": \"1.0.").append(i).append("\"}")
                    .append(i + 1 < count ? ",\n" : "\n");
        }
        sb.append("  }\n}\n");
        var inv = PackageLockParser.packageLock()
                .parse(new LockfileSource("big/package-lock.json", sb.toString().getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(count, inv.components().size());
        assertEquals(count + 4, inv.components().get(count - 1).location().line());
    }

    @Test
    void cliReportsOneLineWithFileAndLineAndExitsTwo(@TempDir Path dir) throws IOException {
        Path lockfile = dir.resolve("package-lock.json");
        Files.write(lockfile, Fixtures.bytes("truncated.invalid.json"));
        CliRunner.Result result = CliRunner.run("inventory", lockfile.toString());
        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        String err = result.err().strip();
        assertTrue(err.startsWith("provgate: " + lockfile.toString().replace('\\', '/') + ":6: invalid JSON"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void cliListsAGoodLockfile(@TempDir Path dir) throws IOException {
        Path lockfile = dir.resolve("pnpm-lock.yaml");
        Files.write(lockfile, Fixtures.bytes("single-project.v5.pnpm-lock.yaml"));
        CliRunner.Result result = CliRunner.run("inventory", lockfile.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("ms@2.1.3"), result.out());
        assertTrue(result.out().contains("pnpm-lock.yaml:11"), result.out());
    }

    private static void assertRefused(LockfileSource source, int line, String message) {
        LockfileParser parser = LockfileParsers.forPath(source.displayPath()).orElseThrow();
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> InventoryReader.parse(parser, source));
        String expectedStart = source.displayPath() + ":" + line + ": ";
        assertTrue(e.userMessage().startsWith(expectedStart), () -> "want " + expectedStart + "... got "
                + e.userMessage());
        assertTrue(e.userMessage().contains(message), () -> "want '" + message + "' in " + e.userMessage());
        assertEquals(1, e.userMessage().lines().count(), e.userMessage());
    }
}
