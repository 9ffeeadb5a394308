// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.util.Optional;

/**
 * Name and version from core metadata ({@code METADATA}, {@code PKG-INFO}): email-style headers up to the first blank
 * line, the rest (the long description) ignored; falls back to the metadata folder's name, {@code NAME-VERSION}.
 *
 * @param name        the distribution name as written
 * @param version     the version as written
 * @param versionLine 1-based line of the Version header, 0 when the version came from the folder name
 */
record PythonMetadata(String name, String version, int versionLine) {

    static PythonMetadata parse(String text, String folderName) {
        String name = null;
        String version = null;
        int versionLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length && !lines[i].isEmpty(); i++) {
            Optional<String> n = header(lines[i], "Name");
            Optional<String> v = header(lines[i], "Version");
            if (n.isPresent() && name == null) {
                name = n.get();
            }
            if (v.isPresent() && version == null) {
                version = v.get();
                versionLine = i + 1;
            }
        }
        String stem = folderName.substring(0, folderName.lastIndexOf('.'));
        int dash = stem.indexOf('-');
        String folderVersion = dash < 0 ? "" : stem.substring(dash + 1).split("-")[0];
        return new PythonMetadata(name != null ? name : dash < 0 ? stem : stem.substring(0, dash),
                version != null ? version : folderVersion, version != null ? versionLine : 0);
    }

    private static Optional<String> header(String line, String key) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !line.substring(0, colon).strip().equalsIgnoreCase(key)) {
            return Optional.empty();
        }
        return Optional.of(line.substring(colon + 1).strip()).filter(s -> !s.isEmpty());
    }
}
