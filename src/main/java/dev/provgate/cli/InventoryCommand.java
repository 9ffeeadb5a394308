// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.Inventory;
import dev.provgate.report.InventoryListing;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists what the lockfiles lock. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "List every locked package: ecosystem, name, version, scope, direct or transitive, "
                + "and the lockfile line that declares it.",
        footer = {"", "Examples:",
                "  provgate inventory                 # lockfiles under the current folder",
                "  provgate inventory app/ --format json",
                "  provgate inventory package-lock.json",
                "  provgate inventory --ref v1.2          # the lockfiles as they are at a git tag"})
final class InventoryCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    InputOptions input;

    @Mixin
    InputOptions.Git git;

    @Mixin
    DebugOption debug;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    MavenOptions maven;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Inventory inventory = git.read(input.paths(), maven.reader(), InputOptions.parsers(maven));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            InventoryListing.json(inventory, out);
        } else {
            InventoryListing.text(inventory, out);
        }
        out.flush();
        return ExitCodes.PASSED;
    }
}
