// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure kind is one input error naming the file and the line. */
class PythonBadInputTest {
    static Stream<Arguments> badFixtures() {
        return Stream.of(
                bad(new PoetryLockParser(), "poetry/broken-toml.poetry.lock", 5,
                        "invalid TOML"),
                bad(new PoetryLockParser(), "poetry/unknown-lock-version.poetry.lock", 8,
                        "unsupported poetry lock-version '9.0'"),
                bad(new PoetryLockParser(), "poetry/hash-without-algorithm.poetry.lock", 1,
                        "hash without algorithm"),
                bad(new UvLockParser(), "uv/unknown-version.uv.lock", 1, "unsupported uv.lock version '2'"),
                bad(new PdmLockParser(), "pdm/unknown-lock-version.pdm.lock", 3,
                        "unsupported pdm lock_version '5.0'"),
                bad(new PylockParser(), "pylock/unknown-lock-version.pylock.toml", 2,
                        "unsupported pylock lock-version '2.0'"),
                bad(new PipfileLockParser(), "pipfile/broken-json.Pipfile.lock", 4, "invalid JSON"),
                bad(new PipfileLockParser(), "pipfile/unknown-spec.Pipfile.lock", 2,
                        "unsupported pipfile-spec '99'"),
                bad(new PipfileLockParser(), "pipfile/hash-without-algorithm.Pipfile.lock", 4,
                        "hash without algorithm"),
                bad(new PipfileLockParser(), "pipfile/unknown-index.Pipfile.lock", 4,
                        "index 'elsewhere' of 'alpha' is not among _meta.sources"),
                bad(new RequirementsParser(), "requirements/hash-without-algorithm.txt", 3,
                        "hash without algorithm: '" + "b".repeat(64) + "'"),
                bad(new RequirementsParser(), "requirements/hash-unknown-algorithm.txt", 2,
                        "unknown hash algorithm 'sha999'"),
                badIn(new RequirementsParser(), "requirements/include-cycle-a.txt", "requirements/include-cycle-b.txt",
                        2, "include cycle: requirements/include-cycle-a.txt -> requirements/include-cycle-b.txt"
                                + " -> requirements/include-cycle-a.txt"),
                bad(new RequirementsParser(), "requirements/include-missing.txt", 2,
                        "included file does-not-exist.txt not found"),
                bad(new RequirementsParser(), "requirements/not-a-requirement.txt", 2,
                        "not a requirement: 'this is not ! a requirement'"),
                bad(new RequirementsParser(), "requirements/empty.txt", 1, "empty file"),
                bad(new RequirementsParser(), "requirements/binary.txt", 2, "binary content"));
    }

    private static Arguments bad(LockfileParser parser, String fixture, int line, String message) {
        return badIn(parser, fixture, fixture, line, message);
    }

    /** An error reported in {@code file}, a file the fixture includes. */
    private static Arguments badIn(LockfileParser parser, String fixture, String file, int line, String message) {
        return Arguments.of(parser, fixture, file, line, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFixtures")
    void failsWithFileLineAndReason(LockfileParser parser, String fixture, String file, int line, String message) {
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> PythonFixtures.parse(parser, fixture));
        assertEquals(file, e.file(), e.userMessage());
        assertEquals(line, e.line(), e.userMessage());
        assertTrue(e.getMessage().contains(message), e.userMessage());
        assertTrue(e.userMessage().startsWith(file + ":" + line + ": "), e.userMessage());
    }

    @org.junit.jupiter.api.Test
    void aHugeMalformedSpecifierFailsFast() {
        String line = "alpha" + "==1".repeat(20_000) + " (";
        LockfileSource source = new LockfileSource("requirements.txt", line.getBytes(StandardCharsets.UTF_8), "");
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> new RequirementsParser().parse(source));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("not a requirement: "), e.userMessage());
    }

    static Stream<Arguments> emptyAndBinary() {
        return Stream.of(new PoetryLockParser(), new UvLockParser(), new PdmLockParser(), new PylockParser(),
                new PipfileLockParser(), new RequirementsParser()).flatMap(p -> Stream.of(
                Arguments.of(p, " \n\n", 1, "empty file"),
                Arguments.of(p, "\n\u0000\u0001\u0002", 2, "binary content")));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("emptyAndBinary")
    void emptyAndBinaryFilesAreRefusedByEveryParser(LockfileParser parser, String content, int line,
                                                    String message) {
        LockfileSource source = new LockfileSource("lock", content.getBytes(StandardCharsets.UTF_8), "");
        ProvgateException e = assertThrows(ProvgateException.class, () -> InventoryReader.parse(parser, source));
        assertEquals(line, e.line(), e.userMessage());
        assertTrue(e.getMessage().contains(message), e.userMessage());
    }
}
