// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: build the command line, run it, exit with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(utf8(FileDescriptor.out), utf8(FileDescriptor.err), args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return ProvgateCommand.commandLineFor(out, err, args).execute(args);
        } catch (Throwable t) { // an Error picocli does not catch still ends in exit 3
            return ErrorHandler.internalError(t, err, java.util.Arrays.asList(args).contains("--debug"));
        }
    }

    /** Reports and SBOMs are UTF-8 whatever the locale says (LANG=C would otherwise turn names into '?'). */
    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
