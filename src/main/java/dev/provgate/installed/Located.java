// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Location;
import java.nio.file.Path;

/** Locations under one root as reports show them: the root as displayed, then the path inside it. */
record Located(String display) {
    Location file(String relative, int line) {
        return new Location(path(relative), line);
    }

    String path(String relative) {
        if (relative.isEmpty()) {
            return display;
        }
        if (relative.startsWith("..")) {
            return Path.of(display).resolve(relative).normalize().toString().replace('\\', '/');
        }
        return display.endsWith("/") ? display + relative : display + "/" + relative;
    }
}
