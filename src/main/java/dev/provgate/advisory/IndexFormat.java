// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.nio.charset.StandardCharsets;

/**
 * The layout of {@code index.bin}, shared by {@link IndexWriter} and {@link AdvisoryIndex}. All numbers big-endian.
 *
 * <pre>
 * header (64 bytes): magic "PGADVIX1", int version, int records, int keys, int digests, long importedAt (epoch ms,
 *   -1 unknown), long newestModified (epoch ms, -1 unknown), int recordSlots, int keySlots, int digestSlots,
 *   int description (offsets from the file start)
 * record slots: int offset per record, in id order; a record: str id, byte flags (1 id missing, 2 malicious),
 *   strs aliases, str published, str modified, str withdrawn, str source, long packOffset, int packLength,
 *   int n, n x affected (str ecosystem, str name, strs versions, int n, n x range (str type, int n, n x event
 *   (byte kind, str version))), int n, n x digest (str ecosystem, str name, str version, str file, str sha256)
 * key table: long hash per package key (FNV-1a 64 of the key's UTF-8 bytes), sorted, then int offset per key (same
 *   order) of the key's entry: str key ("Ecosystem/normalized-name"), int n, n x (int record, int affected index)
 * digest slots: (32 bytes SHA-256, int record) sorted by digest bytes
 * str: int length + UTF-8 bytes; strs: int n + n x str
 * </pre>
 * Opening reads the header only; the first lookup reads the hash column (8 bytes per package) and each lookup is a
 * binary search in it, one key comparison, and decoding of the records it hits.
 */
final class IndexFormat {
    static final byte[] MAGIC = "PGADVIX1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER = 64;
    static final int DIGEST_SLOT = 36;
    static final int FLAG_ID_MISSING = 1;
    static final int FLAG_MALICIOUS = 2;

    private IndexFormat() {
    }

    /** FNV-1a, 64 bits: cheap, stable, and good enough to make collisions rare (they are checked anyway). */
    static long hash(byte[] key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
