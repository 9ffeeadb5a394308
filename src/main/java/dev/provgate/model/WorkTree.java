// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a file from a repository may reach into: the git work tree it is in, or, outside one, its own folder.
 * A repository under review must not make provgate read, and quote in an error, a file elsewhere on the machine
 * ({@code -r /proc/self/environ}, a policy linked to a CI runner's secrets). Symbolic links are followed before the
 * comparison, so a link inside the tree cannot point out of it.
 */
public final class WorkTree {
    private final Path root;

    private WorkTree(Path root) {
        this.root = root;
    }

    /** The tree around a file on disk. */
    public static WorkTree around(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent() == null ? absolute : absolute.getParent();
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return new WorkTree(real(dir));
            }
        }
        return new WorkTree(real(folder));
    }

    /** The tree rooted at a folder (a store's root, say), its real path. */
    public static WorkTree at(Path folder) {
        return new WorkTree(real(folder.toAbsolutePath().normalize()));
    }

    /** Whether the file (which may not exist) is inside the tree, symbolic links resolved. */
    public boolean contains(Path file) {
        return real(file.toAbsolutePath().normalize()).startsWith(root);
    }

    public Path root() {
        return root;
    }

    /**
     * Refuses, before it is read or written, a file of a repository that a symbolic link takes outside the tree
     * around it.
     */
    public static void requireInside(Path file, String shown) {
        WorkTree tree = around(file);
        if (!tree.contains(file)) {
            throw new ProvgateException(shown, 0, "a symbolic link to a file outside " + tree.root()
                    + " (the git work tree, or the file's folder outside one): not read");
        }
    }

    /** The real path, or for a missing file its real parent and its name (it cannot be a link then). */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            Path parent = path.getParent();
            return parent == null || path.getFileName() == null ? path : real(parent).resolve(path.getFileName());
        }
    }
}
