// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Ecosystem;
import java.util.Set;

/** What the three SBOM readers share: a format name and the file names they claim. */
abstract class SbomReader implements LockfileParser {
    private final String name;
    private final Set<String> exactNames;
    private final Set<String> suffixes;

    SbomReader(String name, Set<String> exactNames, Set<String> suffixes) {
        this.name = name;
        this.exactNames = exactNames;
        this.suffixes = suffixes;
    }

    @Override
    public final String name() {
        return name;
    }

    /** An SBOM holds components of every ecosystem; each component carries its own. */
    @Override
    public final Ecosystem ecosystem() {
        return Ecosystem.OTHER;
    }

    @Override
    public final boolean accepts(String relativePath) {
        String file = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return exactNames.contains(file) || suffixes.stream().anyMatch(file::endsWith);
    }
}
