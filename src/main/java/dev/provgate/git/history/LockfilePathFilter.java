// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Keeps the paths a lockfile parser claims, outside the folders a directory scan skips (node_modules, ...); walks
 * into every other folder. Also answers which parser reads a path.
 */
final class LockfilePathFilter extends TreeFilter {
    private final List<LockfileParser> parsers;
    private final Map<String, Optional<LockfileParser>> byPath = new ConcurrentHashMap<>();

    LockfilePathFilter(List<LockfileParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    Optional<LockfileParser> parserFor(String path) {
        return byPath.computeIfAbsent(path, p -> parsers.stream().filter(parser -> parser.accepts(p)).findFirst());
    }

    @Override
    public boolean include(TreeWalk walker) {
        if (walker.isSubtree()) {
            return !LockfileFinder.isSkippedDirectory(walker.getNameString());
        }
        return parserFor(walker.getPathString()).isPresent();
    }

    @Override
    public boolean shouldBeRecursive() {
        return true;
    }

    @Override
    public TreeFilter clone() {
        return this;
    }
}
