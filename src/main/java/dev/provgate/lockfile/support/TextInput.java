// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.nio.ByteBuffer;
import dev.provgate.model.Printable;
import dev.provgate.model.TextLines;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks shared by every text format: not empty, not binary, valid UTF-8. */
public final class TextInput {
    public static final int MAX_LINE_CHARS = 64 * 1024;

    private TextInput() {
    }

    public static void requireText(LockfileSource source) {
        byte[] b = source.bytes();
        int firstNonBlank = firstNonBlank(b);
        if (firstNonBlank < 0) {
            throw new LockfileParseException(source, 1, "empty file");
        }
        int limit = Math.min(b.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (b[i] == 0) {
                throw new LockfileParseException(source, lineAt(b, i), "binary content (NUL byte), not a lockfile");
            }
        }
    }

    /**
     * For XML: {@link #requireText}, and the check that the bytes are valid in the document's encoding (declared,
     * or UTF-8 by default), so that invalid bytes are an error with their line rather than the XML reader's (which
     * has none, and the JDK's also prints "[Fatal Error] ..." to stderr).
     */
    public static void requireXmlText(LockfileSource source) {
        requireText(source);
        byte[] b = source.bytes();
        String head = new String(b, 0, Math.min(b.length, 200), StandardCharsets.ISO_8859_1);
        int declaration = head.indexOf("encoding=");
        int end = head.indexOf("?>");
        String name = "UTF-8";
        if (head.startsWith("<?xml") && declaration >= 0 && end > declaration + 10) {
            name = head.substring(declaration + "encoding=".length() + 1, end).replaceAll("[\"'].*", "").strip();
        }
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, 1, "unsupported XML encoding '" + Printable.excerpt(name) + "'");
        }
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.name().startsWith("UTF-16")
                && !charset.name().startsWith("UTF-32")) {
            decode(source, charset);
        } else if (charset.equals(StandardCharsets.UTF_8)) {
            decode(source);
        }
    }

    /** The content as text; invalid UTF-8 is an input error naming the line. */
    public static String decode(LockfileSource source) {
        requireText(source);
        return decode(source, StandardCharsets.UTF_8);
    }

    private static String decode(LockfileSource source, Charset charset) {
        try {
            String s = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(source.bytes())).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new LockfileParseException(source, TextLines.lineOfInvalid(source.bytes(), charset), "not valid "
                    + charset.name() + " text");
        }
    }

    /**
     * For formats read by libraries whose scanners slow down more than linearly on one very long line (SnakeYAML's
     * plain scalars, the TOML reader's dotted keys): real lockfiles keep lines far below {@value #MAX_LINE_CHARS}
     * characters, and a longer one is refused, with its line, before the library sees it.
     */
    public static void requireShortLines(LockfileSource source, String text) {
        int start = 0;
        int line = 1;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop - start > MAX_LINE_CHARS) {
                throw new LockfileParseException(source, line, "line of " + (stop - start)
                        + " characters, over the limit of " + MAX_LINE_CHARS);
            }
            if (end < 0) {
                return;
            }
            start = end + 1;
            line++;
        }
    }

    private static int firstNonBlank(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (!Character.isWhitespace(b[i])) {
                return i;
            }
        }
        return -1;
    }

    /** 1-based line of the byte at {@code offset}. */
    public static int lineAt(byte[] b, int offset) {
        return TextLines.lineAt(b, offset);
    }
}
