// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Any other folder or file (a wheelhouse, a download folder, an image saved with {@code docker save}): every file
 * hashed for the known-bad digests, and Python distribution files named by their file names (a wheel's name and
 * version are the first two fields of its name, an sdist's the stem split at the last dash). Archives are not opened.
 */
final class FilesHunter {
    static final String FORMAT = "files";

    private final HuntSettings settings;

    FilesHunter(HuntSettings settings) {
        this.settings = settings;
    }

    RootResult hunt(Path root, String display) throws IOException {
        HashedRoot read = HashedRoot.read(root, display, settings);
        List<Component> components = new ArrayList<>();
        for (String rel : read.listing().files().keySet()) {
            String name = rel.isEmpty() ? root.getFileName().toString() : rel.substring(rel.lastIndexOf('/') + 1);
            distributionFile(name).ifPresent(c -> components.add(c.toBuilder().location(read.at().file(rel, 0))
                    .build()));
        }
        components.addAll(KnownBadFiles.of(read.hashed(), settings, read.at(), rel -> Optional.empty()));
        return read.result(FORMAT, Ecosystem.OTHER, components, List.of(), List.of());
    }

    /** The PyPI package a wheel or sdist file name names. */
    static Optional<Component> distributionFile(String fileName) {
        String stem;
        String[] fields;
        if (fileName.endsWith(".whl")) {
            fields = fileName.substring(0, fileName.length() - 4).split("-");
            if (fields.length < 5) {
                return Optional.empty();
            }
            return Optional.of(Component.builder(Ecosystem.PYPI, fields[0], fields[1]).direct(true).build());
        }
        if (fileName.endsWith(".tar.gz")) {
            stem = fileName.substring(0, fileName.length() - 7);
        } else if (fileName.endsWith(".zip")) {
            stem = fileName.substring(0, fileName.length() - 4);
        } else {
            return Optional.empty();
        }
        int dash = stem.lastIndexOf('-');
        if (dash <= 0 || dash == stem.length() - 1 || !Character.isDigit(stem.charAt(dash + 1))) {
            return Optional.empty();
        }
        return Optional.of(Component.builder(Ecosystem.PYPI, stem.substring(0, dash), stem.substring(dash + 1))
                .direct(true).build());
    }
}
