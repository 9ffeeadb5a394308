// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Main builds only the subcommand it runs; the result must be the same as with the whole tree. */
class MainCommandLineTest {
    private static String[] run(boolean slim, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int code = (slim ? ProvgateCommand.commandLineFor(o, e, args) : ProvgateCommand.commandLine(o, e))
                .execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "check --no-policy testdata/compromised",
        "check testdata/demo",
        "inventory --format json testdata/demo",
        "check --help",
        "check --no-such-option",
        "sbom does/not/exist",
        "--version",
        "help check",
        "nonsense"})
    void slimTreeBehavesLikeTheWholeTree(String line) {
        String[] args = line.split(" ");
        String[] whole = run(false, args);
        String[] slim = run(true, args);
        assertEquals(whole[0], slim[0], "exit code");
        assertEquals(whole[1], slim[1], "stdout");
        assertEquals(whole[2], slim[2], "stderr");
    }
}
