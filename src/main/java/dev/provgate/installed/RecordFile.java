// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.util.ArrayList;
import java.util.List;

/**
 * A wheel's {@code RECORD}: CSV rows {@code path,algorithm=digest,size}. The digest and size are empty for RECORD
 * itself and for files written after the wheel was built (pip's {@code .pyc} files). Paths are relative to
 * site-packages and may climb out of it ({@code ../../../bin/tool}).
 */
final class RecordFile {
    /**
     * One row.
     *
     * @param path      as written, forward slashes
     * @param algorithm the digest's algorithm (sha256), empty when the row has no digest
     * @param digest    URL-safe base64 without padding, empty when the row has no digest
     * @param line      1-based line in RECORD
     */
    record Entry(String path, String algorithm, String digest, int line) {
        boolean hasDigest() {
            return !digest.isEmpty();
        }
    }

    /** A row that is not {@code path,hash,size}: reported, the other rows still count. */
    record Malformed(int line, String why) {
    }

    record Parsed(List<Entry> entries, List<Malformed> malformed) {
    }

    private RecordFile() {
    }

    static Parsed parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            if (cells == null || cells.size() != 3 || cells.get(0).isEmpty()) {
                malformed.add(new Malformed(i + 1, "not a CSV row path,hash,size"));
                continue;
            }
            String hash = cells.get(1);
            int eq = hash.indexOf('=');
            if (!hash.isEmpty() && eq <= 0) {
                malformed.add(new Malformed(i + 1, "hash '" + hash + "' is not algorithm=digest"));
                continue;
            }
            entries.add(new Entry(cells.get(0).replace('\\', '/'), hash.isEmpty() ? "" : hash.substring(0, eq),
                    hash.isEmpty() ? "" : hash.substring(eq + 1), i + 1));
        }
        return new Parsed(entries, malformed);
    }

    /** The cells of one CSV row (double quotes, doubled inside), or null when a quote is not closed. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cell.toString());
        return out;
    }
}
