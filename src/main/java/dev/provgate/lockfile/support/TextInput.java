// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks shared by every text format: not empty, not binary, valid UTF-8. */
public final class TextInput {
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

    /** The content as text; invalid UTF-8 is an input error naming the line. */
    public static String decode(LockfileSource source) {
        requireText(source);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(source.bytes())).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new LockfileParseException(source, lineOfInvalidUtf8(source.bytes()), "not valid UTF-8 text");
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

    private static int lineOfInvalidUtf8(byte[] b) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(b.length + 1);
        decoder.decode(in, out, true);
        return lineAt(b, in.position());
    }

    /** 1-based line of the byte at {@code offset}. */
    public static int lineAt(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
