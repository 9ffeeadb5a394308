// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of {@code index.bin} (see {@link IndexFormat}), memory-mapped: opening reads the header only, a
 * package lookup is a binary search, and only the records it hits are decoded.
 */
public final class AdvisoryIndex {
    private final ByteBuffer buf;
    private final String file;
    private final int records;
    private final int keys;
    private final int digests;
    private final int recordSlots;
    private final int keySlots;
    private final int digestSlots;
    private long[] keyHashes;

    /** One affected entry of a record that names the looked-up package. */
    public record Hit(StoredRecord stored, OsvAffected affected) {
    }

    private AdvisoryIndex(ByteBuffer buf, String file) {
        this.buf = buf;
        this.file = file;
        byte[] magic = new byte[IndexFormat.MAGIC.length];
        if (buf.capacity() < IndexFormat.HEADER) {
            throw new AdvisoryFormatException(file, 0, "not a provgate advisory index (too short)");
        }
        buf.get(0, magic);
        if (!Arrays.equals(magic, IndexFormat.MAGIC) || buf.getInt(8) != IndexFormat.VERSION) {
            throw new AdvisoryFormatException(file, 0, "not a provgate advisory index of format "
                    + IndexFormat.VERSION + "; run 'provgate advisories import' again");
        }
        records = buf.getInt(12);
        keys = buf.getInt(16);
        digests = buf.getInt(20);
        recordSlots = buf.getInt(40);
        keySlots = buf.getInt(44);
        digestSlots = buf.getInt(48);
    }

    public static AdvisoryIndex open(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new AdvisoryIndex(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), path.toString());
        }
    }

    static AdvisoryIndex of(byte[] bytes, String name) {
        return new AdvisoryIndex(ByteBuffer.wrap(bytes), name);
    }

    public int size() {
        return records;
    }

    public Optional<Instant> importedAt() {
        long ms = buf.getLong(24);
        return ms < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    public Optional<Instant> newestModified() {
        long ms = buf.getLong(32);
        return ms < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    public String description() {
        return new Reader(buf.getInt(52)).str();
    }

    /** The affected entries naming this package (key from {@link PackageKeys#key}), in record order. */
    public List<Hit> lookup(String key) {
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        long[] hashes = hashes();
        int at = Arrays.binarySearch(hashes, IndexFormat.hash(wanted));
        if (at < 0) {
            return List.of();
        }
        while (at > 0 && hashes[at - 1] == hashes[at]) {
            at--;
        }
        for (int i = at; i < keys && hashes[i] == hashes[at]; i++) {
            int entry = buf.getInt(keySlots + keys * 8 + i * 4);
            if (sameKey(entry, wanted)) {
                return hits(entry + 4 + wanted.length);
            }
        }
        return List.of();
    }

    /** The hash column, read in one go on first use (8 bytes per package). */
    private long[] hashes() {
        long[] h = keyHashes;
        if (h == null) {
            h = new long[keys];
            buf.slice(keySlots, keys * 8).asLongBuffer().get(h);
            keyHashes = h;
        }
        return h;
    }

    /** Records that list this SHA-256 digest (lower-case hex) as a known-bad file. */
    public List<StoredRecord> withDigest(String sha256) {
        if (!FileDigest.isSha256(sha256)) {
            return List.of();
        }
        byte[] wanted = HexFormat.of().parseHex(sha256);
        int lo = 0;
        int hi = digests;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareDigest(mid, wanted) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<StoredRecord> out = new ArrayList<>();
        for (int i = lo; i < digests && compareDigest(i, wanted) == 0; i++) {
            out.add(record(buf.getInt(digestSlots + i * IndexFormat.DIGEST_SLOT + 32)));
        }
        return out;
    }

    private int compareDigest(int slot, byte[] wanted) {
        byte[] digest = new byte[wanted.length];
        buf.get(digestSlots + slot * IndexFormat.DIGEST_SLOT, digest);
        return Arrays.compareUnsigned(digest, wanted);
    }

    public StoredRecord record(int index) {
        return new Reader(buf.getInt(recordSlots + index * 4)).record();
    }

    private List<Hit> hits(int refsAt) {
        int n = buf.getInt(refsAt);
        List<Hit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StoredRecord r = record(buf.getInt(refsAt + 4 + i * 8));
            out.add(new Hit(r, r.record().affected().get(buf.getInt(refsAt + 8 + i * 8))));
        }
        return out;
    }

    private boolean sameKey(int keyAt, byte[] wanted) {
        if (buf.getInt(keyAt) != wanted.length) {
            return false;
        }
        byte[] key = new byte[wanted.length];
        buf.get(keyAt + 4, key);
        return Arrays.equals(key, wanted);
    }

    /** Decodes values from a position onwards. */
    private final class Reader {
        private int pos;

        Reader(int pos) {
            this.pos = pos;
        }

        StoredRecord record() {
            String id = str();
            int flags = buf.get(pos++);
            List<String> aliases = strs();
            String published = str();
            String modified = str();
            String withdrawn = str();
            String source = str();
            long packOffset = buf.getLong(pos);
            int packLength = buf.getInt(pos + 8);
            pos += 12;
            List<OsvAffected> affected = new ArrayList<>();
            for (int n = integer(); n > 0; n--) {
                affected.add(affected());
            }
            List<FileDigest> fileDigests = new ArrayList<>();
            for (int n = integer(); n > 0; n--) {
                fileDigests.add(new FileDigest(str(), str(), str(), str(), str()));
            }
            OsvRecord r = new OsvRecord(id, (flags & IndexFormat.FLAG_ID_MISSING) != 0, aliases, published, modified,
                    withdrawn, (flags & IndexFormat.FLAG_MALICIOUS) != 0, affected, fileDigests, source);
            return new StoredRecord(r, packOffset, packLength);
        }

        private OsvAffected affected() {
            String ecosystem = str();
            String name = str();
            List<String> versions = strs();
            List<OsvRange> ranges = new ArrayList<>();
            for (int n = integer(); n > 0; n--) {
                String type = str();
                List<OsvEvent> events = new ArrayList<>();
                for (int e = integer(); e > 0; e--) {
                    OsvEvent.Kind kind = OsvEvent.Kind.values()[buf.get(pos++)];
                    events.add(new OsvEvent(kind, str()));
                }
                ranges.add(new OsvRange(type, events));
            }
            return new OsvAffected(ecosystem, name, versions, ranges);
        }

        int integer() {
            int v = buf.getInt(pos);
            pos += 4;
            return v;
        }

        String str() {
            int len = integer();
            byte[] b = new byte[len];
            buf.get(pos, b);
            pos += len;
            return new String(b, StandardCharsets.UTF_8);
        }

        List<String> strs() {
            int n = integer();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(str());
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
