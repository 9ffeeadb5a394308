// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a lockfile may reach into for the files it names (requirements includes, parent POMs, modules): the
 * git work tree it is in, or, outside one, its own folder. A repository under review must not make provgate read,
 * and quote in an error, a file elsewhere on the machine ({@code -r /proc/self/environ}, a CI runner's secrets).
 * Symbolic links are followed before the comparison, so a link inside the tree cannot point out of it.
 */
public final class ProjectTree {
    private final Path root;

    private ProjectTree(Path root) {
        this.root = root;
    }

    /** The tree around a lockfile on disk. */
    public static ProjectTree around(Path lockfile) {
        Path file = lockfile.toAbsolutePath().normalize();
        Path folder = file.getParent() == null ? file : file.getParent();
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return new ProjectTree(real(dir));
            }
        }
        return new ProjectTree(real(folder));
    }

    /** Whether the file (which may not exist) is inside the tree, symbolic links resolved. */
    public boolean contains(Path file) {
        return real(file.toAbsolutePath().normalize()).startsWith(root);
    }

    public Path root() {
        return root;
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
