// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.actions.PinComments;
import dev.provgate.lockfile.python.RequirementsParser;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The discover and parse stages on a git tree: the same file-name rules as {@link LockfileFinder} (same skipped
 * folders, shrinkwrap before package-lock), with requirements includes read from the same tree.
 */
public final class GitLockfiles {
    private final List<LockfileParser> parsers;

    public GitLockfiles(List<LockfileParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /** One lockfile in a tree and the parser that claims it. */
    public record Selected(String path, LockfileParser parser) {
    }

    /**
     * The lockfiles of the snapshot under one of the scopes (repository paths; an empty scope is everything) that
     * {@code wanted} keeps, sorted by path. A symbolic link with a lockfile's name is read as the file it leads to
     * (a link out of the repository is an input error), unless that file is selected under its own name.
     */
    public List<Selected> select(GitSnapshot snapshot, Collection<String> scopes, Predicate<String> wanted) {
        List<Selected> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (inScope(path, scopes) && !inSkippedFolder(path) && wanted.test(path)) {
                parsers.stream().filter(p -> p.accepts(path)).findFirst()
                        .filter(p -> !superseded(snapshot, path, p))
                        .ifPresent(p -> out.add(new Selected(path, p)));
            }
        }
        Set<String> files = out.stream().map(Selected::path).filter(snapshot.blobs()::containsKey)
                .collect(Collectors.toSet());
        return out.stream().filter(s -> !snapshot.links().containsKey(s.path())
                || !files.contains(snapshot.linkTarget(s.path()))).toList();
    }

    /** Parses the selected lockfiles; a broken one is an input error naming it. */
    public Inventory read(GitSnapshot snapshot, List<Selected> selected) {
        RequirementsParser requirements = new RequirementsParser(snapshot::sibling);
        List<LockfileInventory> parsed = selected.parallelStream()
                .map(s -> InventoryReader.parse(s.parser() instanceof RequirementsParser ? requirements : s.parser(),
                        snapshot.source(s.path())))
                .toList();
        return PinComments.crossCheck(new Inventory(parsed));
    }

    static boolean inScope(String path, Collection<String> scopes) {
        return scopes.isEmpty() || scopes.stream().anyMatch(s -> s.isEmpty() || path.equals(s)
                || path.startsWith(s.endsWith("/") ? s : s + "/"));
    }

    private static boolean inSkippedFolder(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (LockfileFinder.isSkippedDirectory(parts[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean superseded(GitSnapshot snapshot, String path, LockfileParser parser) {
        return superseded(path, parser, snapshot::contains);
    }

    /** Whether a file that makes this one redundant (see {@link LockfileParser#supersededBy()}) sits beside it. */
    public static boolean superseded(String path, LockfileParser parser, Predicate<String> present) {
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash + 1);
        return parser.supersededBy().stream().anyMatch(name -> present.test(folder + name));
    }
}
