// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Walks the store: every version folder and its files, sorted by ecosystem, name and version. */
public final class StoreListing {
    private StoreListing() {
    }

    public static List<StoredVersion> versions(AttestationStore store) {
        List<StoredVersion> out = new ArrayList<>();
        for (Ecosystem ecosystem : List.of(Ecosystem.MAVEN, Ecosystem.NPM, Ecosystem.PYPI)) {
            Path dir = store.root().resolve(StoreLayout.folderName(ecosystem));
            for (Path first : folders(dir)) {
                collect(ecosystem, first, StoreLayout.nameDepth(ecosystem, first.getFileName().toString()), out);
            }
        }
        return out;
    }

    private static void collect(Ecosystem ecosystem, Path first, int depth, List<StoredVersion> out) {
        List<Path> packages = depth == 1 ? List.of(first) : folders(first);
        for (Path pkg : packages) {
            List<String> nameFolders = depth == 1 ? List.of(pkg.getFileName().toString())
                    : List.of(first.getFileName().toString(), pkg.getFileName().toString());
            String name = StoreLayout.nameOf(ecosystem, nameFolders);
            for (Path version : folders(pkg)) {
                out.add(new StoredVersion(ecosystem, name, version.getFileName().toString(), files(version)));
            }
        }
    }

    private static List<Path> folders(Path dir) {
        return entries(dir).stream().filter(Files::isDirectory).toList();
    }

    private static List<String> files(Path dir) {
        return entries(dir).stream().filter(Files::isRegularFile)
                .map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }

    private static List<Path> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new ProvgateException(dir.toString(), 0, "cannot list: " + e.getMessage(), e);
        }
    }
}
