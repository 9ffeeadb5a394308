// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileFinder;
import dev.provgate.model.InputFiles;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of Maven's {@code settings.xml} that decide where artifacts come from: {@code localRepository},
 * {@code offline} and {@code mirrors}. Profiles, servers and proxies are not read.
 */
final class MavenSettingsFile {
    private MavenSettingsFile() {
    }

    static MavenResolutionSettings read(Path file, MavenResolutionSettings defaults) {
        LockfileSource source;
        try {
            source = new LockfileSource(file.toString(),
                    InputFiles.read(file, file.toString(), LockfileFinder.MAX_FILE_BYTES), file.toString());
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        XMLStreamReader r = SecureXml.open(source);
        List<String> path = new ArrayList<>();
        Map<String, String> mirror = new HashMap<>();
        List<MavenResolutionSettings.Mirror> mirrors = new ArrayList<>();
        Path local = defaults.localRepository();
        boolean offline = defaults.offline();
        StringBuilder text = new StringBuilder();
        for (int ev = SecureXml.next(source, r); ev != XMLStreamConstants.END_DOCUMENT; ev = SecureXml.next(source, r)) {
            if (ev == XMLStreamConstants.START_ELEMENT) {
                path.add(r.getLocalName());
                text.setLength(0);
            } else if (ev == XMLStreamConstants.CHARACTERS) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String where = String.join("/", path);
                String value = text.toString().strip().replace("${user.home}", System.getProperty("user.home"));
                switch (where) {
                    case "settings/localRepository" -> local = value.isEmpty() ? local : Path.of(value);
                    case "settings/offline" -> offline = Boolean.parseBoolean(value);
                    case "settings/mirrors/mirror/id", "settings/mirrors/mirror/url",
                            "settings/mirrors/mirror/mirrorOf" -> mirror.put(r.getLocalName(), value);
                    case "settings/mirrors/mirror" -> {
                        if (mirror.containsKey("url") && mirror.containsKey("mirrorOf")) {
                            mirrors.add(new MavenResolutionSettings.Mirror(mirror.getOrDefault("id", "mirror"),
                                    mirror.get("url"), mirror.get("mirrorOf")));
                        }
                        mirror.clear();
                    }
                    default -> { }
                }
                path.remove(path.size() - 1);
                text.setLength(0);
            }
        }
        return new MavenResolutionSettings(local, defaults.remoteRepository(), offline, mirrors);
    }
}
