// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: version, subcommands, nothing else. */
@Command(name = "provgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Supply-chain gate: reads lockfiles, checks advisories, provenance and trust tiers.",
        footer = {"",
                "Exit codes: 0 passed, 1 blocked by policy, 2 usage or input error, 3 internal error.",
                "Run 'provgate COMMAND --help' for a command's options and examples."},
        subcommands = {
                CommandLine.HelpCommand.class,
                InventoryCommand.class,
                AdvisoriesCommand.class,
                CheckCommand.class,
                SbomCommand.class,
                ExplainCommand.class,
                InitCommand.class,
                VerifyCommand.class,
                AttestationsCommand.class,
                ScanReposCommand.class,
        })
public final class ProvgateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The production command line, with the given writers; tests use it with in-memory writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ProvgateCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::onBadUsage);
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeFor);
        return cl;
    }
}
