// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.Printable;
import dev.provgate.model.ProvgateException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place failures become exit codes: input and usage errors are one line and 2; anything else is a bug,
 * one line and 3 (the stack trace only with --debug). picocli's own default of 1 would read as "blocked".
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = parsed.hasMatchedOption("--debug")
                || (parsed.subcommand() != null && deepHasDebug(parsed));
        if (e instanceof ProvgateException pe) {
            err.println("provgate: " + pe.userMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
        return internalError(e, err, debug);
    }

    /**
     * A bug, or an Error picocli lets through ({@code OutOfMemoryError}, {@code StackOverflowError}): one line
     * and exit 3, never the JVM's stack trace and exit 1, which would read as "blocked".
     */
    static int internalError(Throwable e, PrintWriter err, boolean debug) {
        err.println("provgate: internal error: " + Printable.escape(String.valueOf(e))
                + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static boolean deepHasDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("provgate: " + Printable.escape(e.getMessage()));
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.INPUT_ERROR;
    }

    static int exitCodeFor(Throwable t) {
        return t instanceof ProvgateException || t instanceof CommandLine.ParameterException
                ? ExitCodes.INPUT_ERROR : ExitCodes.INTERNAL_ERROR;
    }
}
