// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.List;

/** Tokens of yarn classic lines: quoted or bare strings, comma-separated descriptor lists. */
final class YarnTokens {
    private YarnTokens() {
    }

    /** {@code "a@^1", a@^1.2} into its descriptors. */
    static List<String> descriptors(LockfileSource source, int line, String key) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < key.length()) {
            int end = key.charAt(i) == '"' ? closingQuote(source, line, key, i) + 1 : bareEnd(key, i);
            String token = key.substring(i, end).strip();
            if (token.isEmpty()) {
                throw new LockfileParseException(source, line, "empty descriptor in entry key");
            }
            out.add(unquote(source, line, token));
            i = end;
            while (i < key.length() && (key.charAt(i) == ',' || key.charAt(i) == ' ')) {
                i++;
            }
        }
        if (out.isEmpty()) {
            throw new LockfileParseException(source, line, "entry key lists no descriptor");
        }
        return out;
    }

    /** {@code key value}, either part possibly quoted. */
    static String[] keyValue(LockfileSource source, int line, String content) {
        int keyEnd = content.startsWith("\"") ? closingQuote(source, line, content, 0) + 1 : content.indexOf(' ');
        if (keyEnd <= 0 || keyEnd >= content.length() || content.charAt(keyEnd) != ' ') {
            throw new LockfileParseException(source, line, "expected 'name value'");
        }
        String key = unquote(source, line, content.substring(0, keyEnd));
        String value = unquote(source, line, content.substring(keyEnd + 1).strip());
        return new String[] {key, value};
    }

    static String unquote(LockfileSource source, int line, String token) {
        if (!token.startsWith("\"")) {
            return token;
        }
        if (token.length() < 2 || closingQuote(source, line, token, 0) != token.length() - 1) {
            throw new LockfileParseException(source, line, "unterminated or misplaced quote in " + token);
        }
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '\\') {
                c = token.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static int closingQuote(LockfileSource source, int line, String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new LockfileParseException(source, line, "unterminated quoted string");
    }

    private static int bareEnd(String s, int start) {
        int comma = s.indexOf(',', start);
        return comma < 0 ? s.length() : comma;
    }
}
