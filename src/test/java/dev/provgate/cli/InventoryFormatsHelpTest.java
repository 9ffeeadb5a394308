// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.testing.SharedData;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The formats table of 'provgate inventory --help' names every parser, and its file names are the ones found. */
class InventoryFormatsHelpTest {
    /** A format, its file names, and the lines that continue them (indented past the format column). */
    private static final Pattern ROW = Pattern.compile("^  ([a-z]+/[a-z-]+) +(.+(?:\n {37}.+)*)$",
            Pattern.MULTILINE);

    @Test
    void everyFormatIsListedWithNamesItsParserAccepts() {
        CliRunner.Result r = CliRunner.run("inventory", "--help");
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = ROW.matcher(r.out());
        int rows = 0;
        while (m.find()) {
            rows++;
            LockfileParser parser = LockfileParsers.byName(m.group(1)).orElseThrow(() ->
                    new AssertionError("no format " + m.group(1)));
            for (String name : m.group(2).replaceAll("\\(.*?\\)", "").split(",\\s*")) {
                String example = name.strip().replace("NAME", "dev").replace("*", "x");
                assertTrue(parser.accepts("app/" + example), m.group(1) + " does not accept " + example);
            }
        }
        assertEquals(LockfileParsers.all().stream().map(LockfileParser::name).distinct().count(), rows, r.out());
    }

    /** The cdxgen fixture's poetry.lock is named poetry1.lock: 68 packages (scripts/corpus/python_counts.py). */
    @Test
    void aLockfileUnderAnotherNameIsReadAsTheFormatNamed() {
        Path file = SharedData.corpus("python/poetry-lock-v1/cdxgen-v1.1__poetry1.lock");
        CliRunner.Result refused = CliRunner.run("inventory", file.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("name its format as FORMAT:"), refused.err());
        CliRunner.Result read = CliRunner.run("inventory", "poetry.lock:" + file);
        assertEquals(0, read.exitCode(), read.err());
        assertTrue(read.out().endsWith("1 lockfile(s), 68 entries\n"), read.out());
    }
}
