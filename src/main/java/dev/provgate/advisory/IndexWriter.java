// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Writes {@code index.bin} (see {@link IndexFormat}) for a set of records; same records, same bytes. */
final class IndexWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private IndexWriter() {
    }

    /** The index of the records (sorted here by id then source), with the import time and a description. */
    static byte[] write(List<StoredRecord> records, Instant importedAt, String description) {
        try {
            return new IndexWriter().build(sorted(records), importedAt, description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<StoredRecord> sorted(List<StoredRecord> records) {
        List<StoredRecord> s = new ArrayList<>(records);
        s.sort((a, b) -> {
            int c = a.record().id().compareTo(b.record().id());
            return c != 0 ? c : a.record().source().compareTo(b.record().source());
        });
        return s;
    }

    private byte[] build(List<StoredRecord> records, Instant importedAt, String description) throws IOException {
        out.write(new byte[IndexFormat.HEADER]);
        int[] recordOffsets = new int[records.size()];
        Map<String, List<int[]>> refs = new TreeMap<>();
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            recordOffsets[i] = out.size();
            int index = i;
            OsvRecord r = records.get(i).record();
            writeRecord(records.get(i));
            for (int a = 0; a < r.affected().size(); a++) {
                OsvAffected affected = r.affected().get(a);
                if (!affected.name().isEmpty()) {
                    refs.computeIfAbsent(PackageKeys.key(affected.ecosystem(), affected.name()),
                            k -> new ArrayList<>()).add(new int[] {i, a});
                }
            }
            r.digests().stream().map(FileDigest::sha256).distinct().forEach(sha -> digests.add(digestSlot(sha, index)));
        }
        int recordSlots = out.size();
        for (int offset : recordOffsets) {
            out.writeInt(offset);
        }
        List<long[]> keySlots = new ArrayList<>();
        for (Map.Entry<String, List<int[]>> e : refs.entrySet()) {
            long hash = IndexFormat.hash(e.getKey().getBytes(StandardCharsets.UTF_8));
            keySlots.add(new long[] {hash, out.size()});
            writeRefs(e.getKey(), e.getValue());
        }
        keySlots.sort((a, b) -> Long.compare(a[0], b[0]));
        int keySlotsAt = out.size();
        for (long[] slot : keySlots) {
            out.writeLong(slot[0]);
        }
        for (long[] slot : keySlots) {
            out.writeInt((int) slot[1]);
        }
        int digestSlots = out.size();
        for (byte[] slot : digests.stream().sorted(Arrays::compareUnsigned).toList()) {
            out.write(slot);
        }
        int descriptionAt = out.size();
        str(description);
        byte[] result = bytes.toByteArray();
        ByteBuffer header = ByteBuffer.wrap(result);
        header.put(IndexFormat.MAGIC).putInt(IndexFormat.VERSION).putInt(records.size()).putInt(keySlots.size())
                .putInt((descriptionAt - digestSlots) / IndexFormat.DIGEST_SLOT)
                .putLong(importedAt == null ? -1 : importedAt.toEpochMilli())
                .putLong(newestModified(records)).putInt(recordSlots).putInt(keySlotsAt).putInt(digestSlots)
                .putInt(descriptionAt);
        return result;
    }

    private void writeRefs(String key, List<int[]> refs) throws IOException {
        str(key);
        out.writeInt(refs.size());
        for (int[] ref : refs) {
            out.writeInt(ref[0]);
            out.writeInt(ref[1]);
        }
    }

    private void writeRecord(StoredRecord stored) throws IOException {
        OsvRecord r = stored.record();
        str(r.id());
        out.writeByte((r.idMissing() ? IndexFormat.FLAG_ID_MISSING : 0) | (r.malicious() ? IndexFormat.FLAG_MALICIOUS : 0));
        strs(r.aliases());
        str(r.published());
        str(r.modified());
        str(r.withdrawn());
        str(r.source());
        out.writeLong(stored.packOffset());
        out.writeInt(stored.packLength());
        out.writeInt(r.affected().size());
        for (OsvAffected a : r.affected()) {
            str(a.ecosystem());
            str(a.name());
            strs(a.versions());
            out.writeInt(a.ranges().size());
            for (OsvRange range : a.ranges()) {
                str(range.type());
                out.writeInt(range.events().size());
                for (OsvEvent e : range.events()) {
                    out.writeByte(e.kind().ordinal());
                    str(e.version());
                }
            }
        }
        out.writeInt(r.digests().size());
        for (FileDigest d : r.digests()) {
            for (String field : List.of(d.ecosystem(), d.name(), d.version(), d.file(), d.sha256())) {
                str(field);
            }
        }
    }

    private static byte[] digestSlot(String sha256, int record) {
        return ByteBuffer.allocate(IndexFormat.DIGEST_SLOT).put(HexFormat.of().parseHex(sha256)).putInt(record).array();
    }

    private void str(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private void strs(List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            str(s);
        }
    }

    private static long newestModified(List<StoredRecord> records) {
        return records.stream().map(r -> Dates.parse(r.record().modified())).filter(Objects::nonNull)
                .mapToLong(Instant::toEpochMilli).max().orElse(-1);
    }
}
