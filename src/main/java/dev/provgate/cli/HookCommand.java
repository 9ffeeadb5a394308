// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.git.PreCommitHook;
import dev.provgate.model.ProvgateException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code provgate hook install / uninstall}: the git pre-commit hook of one repository. */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = "Install or remove provgate's git pre-commit hook (checks the lockfiles a commit adds or "
                + "changes; returns at once when none is staged). With the pre-commit framework, use the hook id "
                + "'provgate' from this project's .pre-commit-hooks.yaml instead.",
        subcommands = {HookCommand.Install.class, HookCommand.Uninstall.class},
        footer = {"", "Examples:",
                "  provgate hook install            # .git/hooks/pre-commit, or core.hooksPath's folder",
                "  provgate hook install --force    # set aside an existing hook instead of running it first",
                "  provgate hook uninstall          # and put back the hook that was there before",
                "",
                "Exit codes: 0 done, 2 usage or input error, 3 internal error."})
final class HookCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "install or uninstall?");
    }

    /** Options both subcommands share. */
    static final class Where {
        @Option(names = {"-C", "--repo"}, paramLabel = "DIR", defaultValue = ".",
                description = "The repository (default: the one holding the current folder).")
        Path repo;
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write the pre-commit hook. A hook already there is kept as "
                    + "pre-commit.provgate-chained and runs first.")
    static final class Install implements Callable<Integer> {
        @CommandLine.Mixin
        Where where;

        @Option(names = "--force", description = "Set an existing hook aside (pre-commit.provgate-saved) instead of "
                + "running it first; uninstall puts it back.")
        boolean force;

        @Option(names = "--script", paramLabel = "FILE",
                description = "The hook script to run (default: scripts/pre-commit of this installation).")
        Path script;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path run = Optional.ofNullable(script).orElseGet(HookCommand::installedScript);
            PreCommitHook hook = PreCommitHook.of(where.repo);
            PreCommitHook.Installed what = hook.install(run, force);
            PrintWriter out = spec.commandLine().getOut();
            out.println(switch (what) {
                case NEW -> "installed " + hook.file();
                case UPDATED -> "updated " + hook.file();
                case CHAINED -> "installed " + hook.file() + "; the hook that was there runs first";
                case REPLACED -> "installed " + hook.file() + "; the hook that was there is set aside";
            });
            out.flush();
            return ExitCodes.PASSED;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = "Remove provgate's pre-commit hook and put back the hook it chained or set aside.")
    static final class Uninstall implements Callable<Integer> {
        @CommandLine.Mixin
        Where where;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PreCommitHook hook = PreCommitHook.of(where.repo);
            PrintWriter out = spec.commandLine().getOut();
            out.println(hook.uninstall() ? "removed " + hook.file()
                    : "no provgate hook at " + hook.file() + "; nothing to do");
            out.flush();
            return ExitCodes.PASSED;
        }
    }

    /** scripts/pre-commit of the installation this jar (target/provgate.jar or target/classes) belongs to. */
    static Path installedScript() {
        CodeSource source = HookCommand.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new ProvgateException("cannot tell where provgate is installed: name the script with --script");
        }
        try {
            Path code = Path.of(source.getLocation().toURI());
            Path script = code.getParent().getParent().resolve("scripts/pre-commit");
            if (!Files.isRegularFile(script)) {
                throw new ProvgateException(script.toString(), 0, "not found: the hook runs scripts/pre-commit of "
                        + "the provgate checkout (use the pre-commit framework, or copy scripts/pre-commit)");
            }
            return script.toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new ProvgateException("cannot tell where provgate is installed: " + e.getMessage());
        }
    }
}
