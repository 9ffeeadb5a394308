// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import java.nio.charset.StandardCharsets;

/**
 * A Markdown document that must fit a size: pieces are added while they fit, with room kept for the notice of what
 * was left out. Sizes are UTF-8 bytes, never fewer than characters, so a limit in characters (a pull-request
 * comment) holds too.
 */
final class MarkdownBudget {
    private final StringBuilder doc = new StringBuilder();
    private final long room;
    private long bytes;
    private boolean cut;

    /** A document of at most {@code limit} bytes, of which {@code reserve} are kept for {@link #append}. */
    MarkdownBudget(int limit, int reserve) {
        this.room = (long) limit - reserve;
    }

    static int size(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Adds the piece if it fits with {@code keep} bytes still free for what must follow; records a cut if not. */
    boolean add(String piece, long keep) {
        int size = size(piece);
        if (bytes + size + keep > room) {
            cut = true;
            return false;
        }
        doc.append(piece);
        bytes += size;
        return true;
    }

    boolean add(String piece) {
        return add(piece, 0);
    }

    /** Adds text whose room was kept by an earlier {@link #add(String, long)}, or the notice from the reserve. */
    void append(String piece) {
        doc.append(piece);
        bytes += size(piece);
    }

    boolean cut() {
        return cut;
    }

    @Override
    public String toString() {
        return doc.toString();
    }
}
