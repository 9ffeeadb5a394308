// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * Text from untrusted input made safe to echo: control characters, line and paragraph separators and bidi
 * overrides become visible escapes, so a value can neither start a fake line of output ({@code \nprovgate:
 * PASSED}) nor reorder what a terminal shows; excerpts of file content are also cut short.
 */
public final class Printable {
    /** The most of a file's content an error message quotes. */
    public static final int EXCERPT_LENGTH = 80;

    private Printable() {
    }

    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** At most {@value #EXCERPT_LENGTH} characters of {@code s}, escaped, with "..." when cut. */
    public static String excerpt(String s) {
        if (s == null) {
            return null;
        }
        boolean cut = s.length() > EXCERPT_LENGTH;
        return escape(cut ? s.substring(0, EXCERPT_LENGTH) : s) + (cut ? "..." : "");
    }

    /** Whether a character could start a fake line or reorder what a terminal shows. */
    public static boolean isUnsafe(int c) {
        return c <= 0xffff && replacement((char) c) != null;
    }

    private static String replacement(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        boolean separatorOrBidi = c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c';
        return control || separatorOrBidi ? String.format("\\u%04x", (int) c) : null;
    }
}
