// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import dev.provgate.model.WorkTree;
import java.nio.file.Path;

/**
 * The folder a lockfile may reach into for the files it names (requirements includes, parent POMs, modules): the
 * {@link WorkTree} around it. A repository under review must not make provgate read, and quote in an error, a file
 * elsewhere on the machine ({@code -r /proc/self/environ}, a CI runner's secrets).
 */
public final class ProjectTree {
    private final WorkTree tree;

    private ProjectTree(WorkTree tree) {
        this.tree = tree;
    }

    /** The tree around a lockfile on disk. */
    public static ProjectTree around(Path lockfile) {
        return new ProjectTree(WorkTree.around(lockfile));
    }

    /** Whether the file (which may not exist) is inside the tree, symbolic links resolved. */
    public boolean contains(Path file) {
        return tree.contains(file);
    }

    public Path root() {
        return tree.root();
    }
}
