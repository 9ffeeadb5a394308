// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Ecosystem;

/** What the Maven-ecosystem parsers share: the name and ecosystem, and file-name matching. */
abstract class MavenFileParser implements LockfileParser {
    private final String name;

    MavenFileParser(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Ecosystem ecosystem() {
        return Ecosystem.MAVEN;
    }

    /** The last segment of a forward- or back-slash path. */
    static String fileName(String relativePath) {
        String p = relativePath.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
