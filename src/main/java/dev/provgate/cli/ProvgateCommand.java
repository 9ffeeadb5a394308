// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
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
                ScanOrgCommand.class,
                QueryCommand.class,
                HuntCommand.class,
                DiffCommand.class,
                HookCommand.class,
        })
public final class ProvgateCommand implements Runnable {
    private static final String ROOT_NAME = ProvgateCommand.class.getAnnotation(Command.class).name();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** The production command line, with the given writers; tests use it with in-memory writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new ProvgateCommand()), out, err);
    }

    /**
     * The command line for these arguments. When they start with a subcommand's name, only that subcommand is
     * built: picocli models every command of a tree up front, and sparing the others' reflection keeps start-up
     * short for a pre-commit hook. Anything else (help, --version, a typo) gets the whole tree.
     */
    public static CommandLine commandLineFor(PrintWriter out, PrintWriter err, String... args) {
        Optional<Class<?>> sub = args.length == 0 ? Optional.empty() : subcommandNamed(args[0]);
        if (sub.isEmpty()) {
            return commandLine(out, err);
        }
        CommandLine root = new CommandLine(CommandLine.Model.CommandSpec.create().name(ROOT_NAME)
                .mixinStandardHelpOptions(true));
        root.addSubcommand(args[0], new CommandLine(sub.get()));
        return configure(root, out, err);
    }

    private static Optional<Class<?>> subcommandNamed(String name) {
        return Arrays.stream(ProvgateCommand.class.getAnnotation(Command.class).subcommands())
                .filter(c -> c != CommandLine.HelpCommand.class)
                .filter(c -> c.getAnnotation(Command.class).name().equals(name))
                .findFirst();
    }

    private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::onBadUsage);
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeFor);
        return cl;
    }
}
