// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The git repositories under folders, for org-wide scans: working copies and bare repositories, sorted.
 *
 * <p>The search goes {@value #MAX_DEPTH} folders deep (enough for {@code host/org/team/repo} layouts), skips the
 * folders lockfile searches skip ({@code node_modules} and the like) and hidden ones, and does not descend into a
 * repository it found: walking work trees would cost far more than the repositories nested in them are worth
 * (submodules are repositories of their own, best named as sources themselves). A symbolic link to a folder is
 * followed once: not through a second link below it, and no real folder is visited twice, so link loops end.
 */
public final class RepositoryFinder {
    /** How many folders below a root a repository may sit. */
    public static final int MAX_DEPTH = 6;

    private RepositoryFinder() {
    }

    /**
     * The repositories under {@code root} (or {@code root} itself when it is one), absolute and sorted; a folder
     * that cannot be read is handed to {@code unreadable} and the search goes on.
     */
    public static List<Path> find(Path root, Consumer<ProvgateException> unreadable) {
        if (!Files.isDirectory(root)) {
            throw new ProvgateException(root.toString(), 0, Files.exists(root) ? "not a folder" : "no such folder");
        }
        List<Path> found = new ArrayList<>();
        Path start = root.toAbsolutePath().normalize();
        walk(start, 0, false, new HashSet<>(), found, unreadable);
        return found.stream().sorted().toList();
    }

    /** Whether {@code dir} is a working copy's top folder or a bare repository. */
    public static boolean isRepository(Path dir) {
        return Files.exists(dir.resolve(".git")) || GitRepositories.isBareRepository(dir);
    }

    private static void walk(Path dir, int depth, boolean viaLink, Set<Path> visited, List<Path> found,
            Consumer<ProvgateException> unreadable) {
        try {
            if (!visited.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            unreadable.accept(new ProvgateException(dir.toString(), 0, "cannot read: " + e.getMessage(), e));
            return;
        }
        if (isRepository(dir)) {
            found.add(dir);
            return;
        }
        if (depth == MAX_DEPTH) {
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            unreadable.accept(new ProvgateException(dir.toString(), 0, "cannot read: " + e.getMessage(), e));
            return;
        }
        children.sort(null);
        for (Path child : children) {
            String name = child.getFileName().toString();
            boolean link = Files.isSymbolicLink(child);
            boolean skipped = name.startsWith(".") || LockfileFinder.isSkippedDirectory(name) || (link && viaLink);
            if (!skipped && Files.isDirectory(child)) {
                walk(child, depth + 1, viaLink || link, visited, found, unreadable);
            }
        }
    }
}
