// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the production command line with in-memory writers. */
public final class CliRunner {
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProvgateCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code provgate check OPTIONS... PATH}. */
    public static Result check(java.nio.file.Path path, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "check";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = path.toString();
        return run(args);
    }
}
