// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.PrintWriter;

/** Entry point: build the command line, run it, exit with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = ProvgateCommand.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
        System.exit(code);
    }
}
