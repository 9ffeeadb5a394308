// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.diff.Comparison;
import dev.provgate.diff.InventoryComparison;
import dev.provgate.git.GitInventories;
import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.policy.PolicyEngine;
import dev.provgate.report.DiffReporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What changed in the lockfiles between two revisions, or between two lockfiles: the comparison check uses. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Packages added, removed, upgraded, downgraded, digest changed, source changed and tier "
                + "changed, per lockfile, between git revisions BASE and HEAD (default: the working tree), or "
                + "between two lockfiles. Compares what is locked: version, digests and source.",
        footer = {"", "Examples:",
                "  provgate diff origin/main                 # the working tree against the base branch",
                "  provgate diff origin/main HEAD --format markdown > comment.md   # a pull-request comment",
                "  provgate diff v1.2 v1.3 --format json",
                "  provgate diff old/package-lock.json package-lock.json",
                "  provgate diff package-lock.json:old.json package-lock.json:new.json   # other names",
                "",
                "Exit codes: 0 compared, 2 usage or input error, 3 internal error."})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "A git revision, or a lockfile.")
    String base;

    @Parameters(index = "1", arity = "0..1", paramLabel = "HEAD",
            description = "A git revision (default: the working tree), or a lockfile when BASE is one.")
    String head;

    @Option(names = {"-C", "--repo"}, paramLabel = "DIR", defaultValue = ".",
            description = "The repository, or the folder in it to compare (default: the current folder).")
    Path repo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    MavenOptions maven;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!DiffReporter.FORMATS.contains(format)) {
            throw new ProvgateException("unknown format: " + format + " (" + String.join(", ", DiffReporter.FORMATS)
                    + ")");
        }
        Optional<PolicyEngine> policy = policyOptions.engine(List.of(repo), Clock.systemUTC());
        InventoryComparison comparison = new InventoryComparison(PolicyOptions.tierNames(policy));
        boolean files = isLockfile(base);
        Comparison result = files ? files(comparison) : revisions(comparison);
        PrintWriter out = spec.commandLine().getOut();
        new DiffReporter(files ? head : head == null ? "the working tree" : head).write(format, result, out);
        return ExitCodes.PASSED;
    }

    /** Two lockfiles: compared as one file, whatever their names. */
    private Comparison files(InventoryComparison comparison) {
        if (head == null || !isLockfile(head)) {
            throw new ProvgateException(head == null ? base : head, 0, "diff of two lockfiles needs both files "
                    + "(BASE is a file, so HEAD must be one too)");
        }
        Inventory before = maven.reader().read(List.of(Path.of(base)));
        Inventory after = maven.reader().read(List.of(Path.of(head)));
        return comparison.compare(base, before, after, p -> "", p -> "", true);
    }

    /** A file, or FORMAT:FILE (a lockfile under another name), rather than a git revision. */
    private boolean isLockfile(String argument) {
        Path path = Path.of(argument);
        return Files.isRegularFile(path)
                || LockfileFinder.namedFormat(path, InputOptions.parsers(maven)).isPresent();
    }

    private Comparison revisions(InventoryComparison comparison) {
        List<LockfileParser> parsers = InputOptions.parsers(maven);
        try (GitInventories git = GitInventories.open(repo, parsers)) {
            git.requireRevision(base);
            Inventory before = git.atRevision(base, List.of(repo));
            Inventory after = head != null ? git.atRevision(head, List.of(repo)) : maven.reader().read(List.of(repo));
            Function<String, String> headKey = head != null ? p -> p : git::repoPath;
            return comparison.compare(base, before, after, p -> p, headKey, true);
        }
    }
}
