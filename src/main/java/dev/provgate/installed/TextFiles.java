// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** Reads the small text files of an installation (METADATA, RECORD, .pth, package.json), bounded, never via a link. */
final class TextFiles {
    private TextFiles() {
    }

    static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] b = in.readNBytes(HuntSettings.MAX_TEXT_BYTES + 1);
            if (b.length > HuntSettings.MAX_TEXT_BYTES) {
                throw new IOException("larger than " + HuntSettings.MAX_TEXT_BYTES + " bytes");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    /** Up to five items, then how many more: keeps a grouped finding to one readable line. */
    static String some(List<String> items) {
        int shown = Math.min(5, items.size());
        String head = String.join(", ", items.subList(0, shown));
        return items.size() > shown ? head + " and " + (items.size() - shown) + " more" : head;
    }
}
