// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Lockfile paths relative to the repository root, as SARIF's {@code %SRCROOT%} wants them, wherever provgate runs
 * from: the root is the git work tree around the first PATH (a {@code .git} folder or file above it), else the
 * current folder. Paths read from git (--staged, --ref) already are repository paths.
 */
final class SourceRoot {
    private SourceRoot() {
    }

    static UnaryOperator<String> of(List<Path> paths, boolean fromGit) {
        if (fromGit) {
            return UnaryOperator.identity();
        }
        Path root = root(real(paths.isEmpty() ? Path.of(".") : paths.get(0)));
        return shown -> root.relativize(realFolder(Path.of(shown))).toString().replace('\\', '/');
    }

    private static Path root(Path start) {
        for (Path p = Files.isDirectory(start) ? start : start.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return real(Path.of("."));
    }

    /** The real path of the file's folder: a lockfile that is a symbolic link keeps its own name. */
    private static Path realFolder(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : real(abs.getParent()).resolve(abs.getFileName());
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }
}
