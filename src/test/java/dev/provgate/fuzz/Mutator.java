// SPDX-License-Identifier: Apache-2.0
package dev.provgate.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded structure-blind mutations of a seed: byte flips, cuts, copies, truncation, and tokens that broke parsers
 * before (nulls, separators, traversal, control characters, deep nesting, huge numbers, invalid UTF-8). The same
 * seed and random state give the same bytes.
 */
final class Mutator {
    private static final List<byte[]> TOKENS = List.of(
            "null", "\"\"", "-1", "0", "99999999999999999999", "1e99999", "x", "\n", "\r\n", "\t", " ", ":", "=",
            "@", "#", "'", "\"", "[", "]", "{", "}", ",", ";", "/", "//", "a//b", "..", "../", "../../etc/passwd",
            "${x}", "%00", "%2e%2e", "<", ">", "</", "<a>", "&amp;", "&#0;", "<!--", "]]>", "*", "&a", "!!", "- ",
            "? ", "|", "\\", "\\u0000", "\u001b[2J", "\u202e", "sha256:", "sha512-", "==", "git+", "file:", "-r ",
            "-e ", "https://h/", "pkg:maven/a//b@1", "version", "name", "\"resolved\": null", "\"checksum\": null")
            .stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    private static final byte[][] RAW = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0,
        (byte) 0x80}, {0}};

    private Mutator() {
    }

    static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = once(b, random);
        }
        return b;
    }

    private static byte[] once(byte[] b, SplittableRandom r) {
        int n = b.length;
        int at = n == 0 ? 0 : r.nextInt(n + 1);
        switch (r.nextInt(9)) {
            case 0 -> {
                if (n > 0) {
                    byte[] c = b.clone();
                    int i = r.nextInt(n);
                    c[i] ^= (byte) (1 << r.nextInt(8));
                    return c;
                }
                return b;
            }
            case 1 -> {
                int len = n == 0 ? 0 : r.nextInt(Math.min(n - Math.min(at, n), 64) + 1);
                return splice(b, at, len, new byte[0]);
            }
            case 2 -> {
                if (n == 0) {
                    return b;
                }
                int from = r.nextInt(n);
                int len = 1 + r.nextInt(Math.min(n - from, 256));
                byte[] copy = java.util.Arrays.copyOfRange(b, from, from + len);
                return splice(b, at, 0, copy);
            }
            case 3 -> {
                return java.util.Arrays.copyOf(b, at);
            }
            case 4, 5 -> {
                return splice(b, at, 0, TOKENS.get(r.nextInt(TOKENS.size())));
            }
            case 6 -> {
                int len = n == 0 ? 0 : r.nextInt(Math.min(n - Math.min(at, n), 16) + 1);
                return splice(b, at, len, TOKENS.get(r.nextInt(TOKENS.size())));
            }
            case 7 -> {
                return splice(b, at, 0, RAW[r.nextInt(RAW.length)]);
            }
            default -> {
                String open = List.of("[", "{\"a\":", "<a>", "- ", "  ", "a = [", "(").get(r.nextInt(7));
                return splice(b, at, 0, open.repeat(200 + r.nextInt(3000)).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        int start = Math.min(at, b.length);
        int end = Math.min(b.length, start + remove);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, start);
        out.write(insert, 0, insert.length);
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }
}
