// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.diff.Comparison;
import dev.provgate.diff.InventoryComparison;
import dev.provgate.git.GitInventories;
import dev.provgate.git.IntroducedOnly;
import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.lockfile.maven.PomParser;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.policy.Baseline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The paths to scan: folders (searched recursively) or lockfiles. Defaults to the current folder. */
public final class InputOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Folders to search for lockfiles (recursively; node_modules, .git, target, build, dist "
                    + "and .venv are skipped) or lockfiles; FORMAT:FILE reads a lockfile under another name "
                    + "(poetry.lock:deps/ci.lock; formats: provgate inventory --help). Default: the current folder.")
    List<Path> paths = new ArrayList<>();

    public List<Path> paths() {
        return paths.isEmpty() ? List.of(Path.of(".")) : List.copyOf(paths);
    }

    /** The parsers for lockfiles read from git, with pom.xml resolution configured by the Maven options. */
    static List<LockfileParser> parsers(MavenOptions maven) {
        return PomParser.withSettings(LockfileParsers.all(), maven::settings);
    }

    /** Where the lockfiles come from when not the working tree: the staged index or a git revision. */
    public static final class Git {
        @Option(names = "--staged",
                description = "Read the lockfiles from the git index: only those the next commit adds or changes "
                        + "(for a pre-commit hook). Compares with HEAD unless --baseline is given.")
        boolean staged;

        @Option(names = "--ref", paramLabel = "REV",
                description = "Read the lockfiles as they are at a git commit, branch or tag.")
        String ref;

        /** Set by a --staged read: what the staged lockfiles change compared with HEAD. */
        private Comparison stagedChanges;

        /** The lockfiles of the working tree, the index or a revision; a git problem is an input error. */
        public Inventory read(List<Path> paths, InventoryReader workingTree, List<LockfileParser> parsers) {
            return read(paths, workingTree, parsers, InventoryComparison.withoutTiers());
        }

        /** As {@link #read(List, InventoryReader, List)}; --staged also compares with HEAD, with these tiers. */
        public Inventory read(List<Path> paths, InventoryReader workingTree, List<LockfileParser> parsers,
                              InventoryComparison comparison) {
            if (staged && ref != null) {
                throw new ProvgateException("--staged and --ref exclude each other");
            }
            if (!staged && ref == null) {
                return workingTree.read(paths);
            }
            paths.stream().filter(p -> LockfileFinder.namedFormat(p, parsers).isPresent()).findFirst()
                    .ifPresent(p -> {
                        throw new ProvgateException(p.toString(), 0, "FORMAT:FILE reads the working tree only, "
                                + "not with --staged or --ref");
                    });
            try (GitInventories git = GitInventories.open(paths.get(0), parsers)) {
                if (!staged) {
                    return git.atRevision(ref, paths);
                }
                GitInventories.StagedChanges changes = git.staged(paths, comparison);
                stagedChanges = changes.comparison();
                return changes.staged();
            }
        }

        /** The git blob id of what was read under a lockfile's shown path: the working tree's, the index's, REV's. */
        Function<String, Optional<ObjectId>> content(GitInventories git) {
            return staged ? git.indexContent() : ref != null ? git.contentAt(ref) : GitInventories.workingTreeContent();
        }

        /** Whether nothing staged is a pass rather than "no lockfiles found". */
        public boolean staged() {
            return staged;
        }

        /** Whether lockfiles are shown by their path in the repository (read from git), not as found on disk. */
        boolean fromGit() {
            return staged || ref != null;
        }
    }

    /** Pull-request mode: the revision whose packages count as already there. */
    public static final class Compare {
        @Option(names = "--baseline", paramLabel = "REV",
                description = "Pull-request mode: findings about packages already locked at REV (e.g. origin/main) "
                        + "with the same digests and source are shown as not introduced and do not block; a digest "
                        + "that changed while the version did not blocks (change/digest-changed); the approval rule "
                        + "needs approvals only for versions that differ from REV.")
        String baseline;

        /**
         * The revision to compare with: --baseline, else HEAD for --staged, or when {@code needed} (--freeze) for
         * the working tree; a first commit is compared with nothing.
         */
        public Optional<Compared> compared(Git source, List<Path> paths, Inventory checked,
                                           List<LockfileParser> parsers, InventoryComparison comparison,
                                           boolean needed) {
            if (baseline == null && !source.staged() && !needed) {
                return Optional.empty();
            }
            if (baseline == null && source.stagedChanges != null) {
                return Optional.of(new Compared(source.stagedChanges));
            }
            if (baseline == null && source.ref != null) {
                throw new ProvgateException("--freeze with --ref needs --baseline REV: what the change is compared "
                        + "with");
            }
            try (GitInventories git = GitInventories.open(paths.get(0), parsers)) {
                String rev = baseline != null ? baseline : "HEAD";
                if (baseline == null && !git.hasHead()) {
                    return Optional.of(new Compared(comparison.againstNothing(rev, checked)));
                }
                git.requireRevision(rev);
                return Optional.of(new Compared(git.compareWith(rev, checked,
                        p -> source.fromGit() ? p : git.repoPath(p), source.content(git), comparison)));
            }
        }
    }

    /** The lockfiles compared with the baseline revision, by what they lock. */
    public record Compared(Comparison comparison) {
        public String rev() {
            return comparison.base();
        }

        public Baseline baseline() {
            return Baseline.ofComponents(comparison.baseComponents());
        }

        public IntroducedOnly introducedOnly() {
            return new IntroducedOnly(rev(), comparison.lockfiles());
        }
    }
}
