// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.ProjectTree;
import dev.provgate.model.InputFiles;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a file that a requirements file includes with {@code -r} or {@code -c}. The only way a requirements
 * parser reaches beyond its own bytes; tests give it an in-memory map.
 */
@FunctionalInterface
public interface IncludeReader {
    /**
     * The file {@code reference} names, relative to the including file; empty when it does not exist.
     *
     * @throws LockfileParseException when the including file has no place to resolve against (it was not read
     *                                from a file on disk) or the included file cannot be read
     */
    Optional<LockfileSource> read(LockfileSource including, int line, String reference);

    /**
     * Resolves against the including file's origin, which the finder sets to its path on disk, and only inside its
     * {@link ProjectTree}.
     */
    static IncludeReader fileSystem() {
        return (including, line, reference) -> {
            Path origin = originFile(including, line, reference);
            Path target = origin.resolveSibling(reference).normalize();
            ProjectTree tree = ProjectTree.around(origin);
            if (!tree.contains(target)) {
                throw new LockfileParseException(including, line, "included file " + reference + " is outside "
                        + tree.root() + " (the git work tree, or the including file's folder outside one): not read");
            }
            if (!Files.isRegularFile(target)) {
                return Optional.empty();
            }
            try {
                String shown = displayPath(including, reference);
                return Optional.of(new LockfileSource(shown,
                        InputFiles.read(target, shown, LockfileFinder.MAX_FILE_BYTES), target.toString()));
            } catch (IOException e) {
                throw new LockfileParseException(including, line, "cannot read included file " + reference + ": "
                        + e.getMessage());
            }
        };
    }

    /** The included file's name as shown to the user: beside the including file's display path. */
    static String displayPath(LockfileSource including, String reference) {
        String shown = including.displayPath();
        int slash = shown.lastIndexOf('/');
        String joined = slash < 0 ? reference : shown.substring(0, slash + 1) + reference;
        String normalized = Path.of(joined).normalize().toString().replace('\\', '/');
        return normalized.isEmpty() ? joined : normalized;
    }

    private static Path originFile(LockfileSource including, int line, String reference) {
        String why = "cannot follow include " + reference + ": " + including.displayPath()
                + " was not read from a file on disk" + (including.origin().isEmpty() ? ""
                : " (origin " + including.origin() + ")");
        if (including.origin().isEmpty()) {
            throw new LockfileParseException(including, line, why);
        }
        try {
            Path origin = Path.of(including.origin());
            if (!Files.isRegularFile(origin)) {
                throw new LockfileParseException(including, line, why);
            }
            return origin;
        } catch (InvalidPathException e) {
            throw new LockfileParseException(including, line, why);
        }
    }
}
