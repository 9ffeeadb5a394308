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
        int code = ProvgateCommand.commandLineFor(utf8(FileDescriptor.out), utf8(FileDescriptor.err), args)
                .execute(args);
        System.exit(code);
    }

    /** Reports and SBOMs are UTF-8 whatever the locale says (LANG=C would otherwise turn names into '?'). */
    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
