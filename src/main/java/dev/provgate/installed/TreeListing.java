// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every regular file under a root, by path relative to it (forward slashes, sorted), with its size. Symbolic links
 * are listed apart and never followed; devices, sockets and pipes are skipped (opening a pipe could block).
 */
record TreeListing(Path root, Map<String, Long> files, Map<String, String> links, Map<String, String> unreadable) {

    static TreeListing of(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        Map<String, String> links = new TreeMap<>();
        Map<String, String> unreadable = new TreeMap<>();
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new FileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String rel = relative(root, file);
                        if (attrs.isSymbolicLink()) {
                            links.put(rel, target(file));
                        } else if (attrs.isRegularFile()) {
                            files.put(rel, attrs.size());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        unreadable.put(relative(root, file), String.valueOf(e.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            unreadable.put(relative(root, dir), String.valueOf(e.getMessage()));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return new TreeListing(root, files, links, unreadable);
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
