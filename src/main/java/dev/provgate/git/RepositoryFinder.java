// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The git repositories under folders, for org-wide scans: working copies and bare repositories, sorted. */
public final class RepositoryFinder {
    private RepositoryFinder() {
    }

    /** Each working copy's top folder or bare repository; repositories nested inside another are not searched. */
    public static List<Path> find(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new ProvgateException(root.toString(), 0, "no such folder");
            }
            walk(root, found);
        }
        return found.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
    }

    private static void walk(Path root, List<Path> found) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (Files.exists(dir.resolve(".git")) || GitRepositories.isBareRepository(dir)) {
                        found.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    boolean skip = !dir.equals(root) && LockfileFinder.isSkippedDirectory(dir.getFileName().toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new ProvgateException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
