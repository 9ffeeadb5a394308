// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/** Line numbers in raw input, for errors that must name the line even when the bytes are not text. */
public final class TextLines {
    private TextLines() {
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

    /** The line of the first byte that is not valid in {@code charset} (the bytes before it decode). */
    public static int lineOfInvalid(byte[] b, Charset charset) {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        decoder.decode(in, CharBuffer.allocate(b.length + 1), true);
        return lineAt(b, in.position());
    }
}
