// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Advisory zips that expand far beyond their size: refused before the pack grows. */
class ZipBombTest {

    /** One compressed entry and {@code names.length} central-directory entries that all point at it. */
    static byte[] overlapping(byte[] content, String... names) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(deflated, new Deflater(9, true))) {
            d.write(content);
        }
        byte[] data = deflated.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] first = names[0].getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(64 + first.length + data.length + names.length * 128)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc.getValue()).putInt(data.length).putInt(content.length)
                .putShort((short) first.length).putShort((short) 0).put(first).put(data);
        int cd = b.position();
        for (String name : names) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                    .putInt(0).putInt((int) crc.getValue()).putInt(data.length).putInt(content.length)
                    .putShort((short) n.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(0).put(n);
        }
        int cdSize = b.position() - cd;
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) names.length)
                .putShort((short) names.length).putInt(cdSize).putInt(cd).putShort((short) 0);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static byte[] record(String id, int padding) {
        return (" ".repeat(padding) + "{\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entriesSharingOneCompressedStreamAreRefused(@TempDir Path dir) throws IOException {
        Path zip = Files.write(dir.resolve("bomb.zip"), overlapping(record("X-1", 1_000_000),
                "a.json", "b.json", "c.json", "d.json"));
        CliRunner.Result r = CliRunner.run("advisories", "import", zip.toString(), "--db-dir",
                dir.resolve("db").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("provgate: " + zip + ": zip entries overlap ("), r.err());
        assertFalse(Files.exists(dir.resolve("db/" + AdvisoryDatabase.PACK)));
    }

    /** Entries side by side, each under the per-record limit, together over a hundred times the zip's size. */
    @Test
    void whatAllEntriesExpandToIsBounded(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("wide.zip");
        int padding = 9 * 1024 * 1024;
        int entries = (int) (AdvisoryImporter.maxExpansion(0) / padding) + 1;
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            z.setLevel(9);
            for (int i = 0; i < entries; i++) {
                z.putNextEntry(new ZipEntry("r" + i + ".json"));
                z.write(record("X-" + i, padding));
                z.closeEntry();
            }
        }
        assertTrue(Files.size(zip) * AdvisoryImporter.MAX_EXPANSION_RATIO < AdvisoryImporter.maxExpansion(0));
        CliRunner.Result r = CliRunner.run("advisories", "import", zip.toString(), "--db-dir",
                dir.resolve("db").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("provgate: " + zip + ": expands to more than "), r.err());
    }
}
