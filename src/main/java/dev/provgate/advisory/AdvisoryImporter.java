// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Builds the local database from OSV records in folders (OpenSSF malicious-packages
 * {@code osv/malicious/<ecosystem>/<name>/<ID>.json}, PyPA YAML, any tree) and zips (osv.dev's per-ecosystem
 * {@code all.zip}): copies each record's bytes into {@code records.pack} and writes {@code index.bin}. An import
 * replaces the database; give every source in one import.
 */
public final class AdvisoryImporter {
    /** What an import did, for the command's report. */
    public record Summary(int files, int records, int duplicates, int withdrawn, int gitRanges,
                          List<String> disagreements, int digests, Path dbDir) {
        public Summary {
            disagreements = List.copyOf(disagreements);
        }
    }

    /** OSV records are kilobytes (the largest real one here is 25 kB); anything far larger is not a record. */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    /** OSV exports compress about ten times; a hundred times, or 16 MB for a small zip, leaves room. */
    static final int MAX_EXPANSION_RATIO = 100;
    private static final long MIN_EXPANSION_BYTES = 16L * 1024 * 1024;

    private final Path dbDir;
    private final List<OsvRecord> records = new ArrayList<>();
    private final List<long[]> packSpans = new ArrayList<>();
    private final List<IndicatorsFile.Indicator> indicators = new ArrayList<>();
    private final List<IndicatorsFile.ActionCommit> actionCommits = new ArrayList<>();
    private OutputStream pack;
    private long packSize;
    private int files;

    private AdvisoryImporter(Path dbDir) {
        this.dbDir = dbDir;
    }

    public static Summary importFrom(List<Path> sources, Path dbDir, Instant now) {
        try {
            Files.createDirectories(dbDir);
            return new AdvisoryImporter(dbDir).run(sources, now);
        } catch (IOException e) {
            throw new ProvgateException(dbDir.toString(), 0, "cannot write the advisory database: " + e.getMessage());
        }
    }

    private Summary run(List<Path> sources, Instant now) throws IOException {
        Path packTmp = dbDir.resolve(AdvisoryDatabase.PACK + ".tmp");
        Path indexTmp = dbDir.resolve(AdvisoryDatabase.INDEX + ".tmp");
        try {
            return write(sources, now, packTmp, indexTmp);
        } finally {
            Files.deleteIfExists(packTmp);
            Files.deleteIfExists(indexTmp);
        }
    }

    private Summary write(List<Path> sources, Instant now, Path packTmp, Path indexTmp) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packTmp), 1 << 16)) {
            pack = out;
            for (Path source : sources) {
                readSource(source);
            }
        }
        List<StoredRecord> stored = deduplicated(IndicatorsFile.attachCommits(
                IndicatorsFile.attach(records, indicators), actionCommits));
        byte[] index = IndexWriter.write(stored, now, "imported from " + String.join(", ",
                sources.stream().map(Path::toString).toList()));
        Files.write(indexTmp, index);
        Files.move(packTmp, dbDir.resolve(AdvisoryDatabase.PACK), StandardCopyOption.REPLACE_EXISTING);
        Files.move(indexTmp, dbDir.resolve(AdvisoryDatabase.INDEX), StandardCopyOption.REPLACE_EXISTING);
        return summary(stored);
    }

    private void readSource(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(source)) {
                paths = walk.filter(Files::isRegularFile).filter(p -> isRecordFile(p.toString()))
                        .filter(p -> !source.relativize(p).toString().startsWith(".")).sorted().toList();
            }
            for (Path p : paths) {
                add(p.toString().replace('\\', '/'), read(p.toString(), Files.newInputStream(p)));
            }
        } else if (Files.isRegularFile(source)) {
            if (source.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                readZip(source);
            } else {
                add(source.toString(), read(source.toString(), Files.newInputStream(source)));
            }
        } else {
            throw new ProvgateException(source.toString(), 0, "no such file or directory");
        }
    }

    /**
     * A zip's records in name order. Per-entry limits alone let a small zip expand without end (a hundred entries
     * sharing one compressed stream): entries whose compressed data would not fit in the file side by side
     * overlap and are refused, and what all entries expand to is bounded by {@link #maxExpansion}.
     */
    private void readZip(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            long zipSize = Files.size(zip);
            long compressed = z.stream().mapToLong(e -> Math.max(e.getCompressedSize(), 0)).sum();
            if (compressed > zipSize) {
                throw new ProvgateException(zip.toString(), 0, "zip entries overlap (" + compressed
                        + " compressed bytes in a file of " + zipSize + "): not read");
            }
            List<? extends ZipEntry> entries = z.stream().filter(e -> !e.isDirectory())
                    .filter(e -> isRecordFile(e.getName())).sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            long budget = maxExpansion(zipSize);
            for (ZipEntry e : entries) {
                byte[] bytes = read(zip + "!/" + e.getName(), z.getInputStream(e));
                budget -= bytes.length;
                if (budget < 0) {
                    throw new ProvgateException(zip.toString(), 0, "expands to more than " + maxExpansion(zipSize)
                            + " bytes (" + MAX_EXPANSION_RATIO + " times its size): not an advisory export");
                }
                add(zip + "!/" + e.getName(), bytes);
            }
        } catch (ZipException e) {
            throw new ProvgateException(zip.toString(), 0, "not a readable zip: " + e.getMessage());
        }
    }

    static long maxExpansion(long zipSize) {
        return Math.max(MIN_EXPANSION_BYTES, zipSize * MAX_EXPANSION_RATIO);
    }

    private static byte[] read(String name, InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
            if (bytes.length > MAX_RECORD_BYTES) {
                throw new AdvisoryFormatException(name, 0, "larger than " + MAX_RECORD_BYTES / (1024 * 1024)
                        + " MB: not an advisory record");
            }
            return bytes;
        }
    }

    private static boolean isRecordFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || RecordTrees.isYaml(n);
    }

    private void add(String path, byte[] bytes) {
        files++;
        if (IndicatorsFile.isIndicatorsFile(path)) {
            indicators.addAll(IndicatorsFile.parse(path, bytes));
            actionCommits.addAll(IndicatorsFile.parseCommits(path, bytes));
            return;
        }
        records.add(OsvParser.parse(path, bytes));
        packSpans.add(new long[] {packSize, bytes.length});
        try {
            pack.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        packSize += bytes.length;
    }

    /** One record per id: the most recently modified wins (the later file on a tie); records without id all kept. */
    private List<StoredRecord> deduplicated(List<OsvRecord> all) {
        Map<String, StoredRecord> byId = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            OsvRecord r = all.get(i);
            StoredRecord s = new StoredRecord(r, packSpans.get(i)[0], (int) packSpans.get(i)[1]);
            String key = r.idMissing() ? "\0" + r.source() : r.id();
            StoredRecord old = byId.get(key);
            if (old == null || r.modified().compareTo(old.record().modified()) >= 0) {
                byId.put(key, s);
            }
        }
        return List.copyOf(byId.values());
    }

    private Summary summary(List<StoredRecord> stored) {
        int git = 0;
        int digests = 0;
        int withdrawn = 0;
        List<String> disagreements = new ArrayList<>();
        for (StoredRecord s : stored) {
            OsvRecord r = s.record();
            withdrawn += r.isWithdrawn() ? 1 : 0;
            digests += r.digests().size();
            for (OsvAffected a : r.affected()) {
                git += (int) a.ranges().stream().filter(OsvRange::isGit).count();
                Ecosystem e = PackageKeys.ecosystemOf(a.ecosystem());
                List<String> outside = AffectedVersions.listedOutsideRanges(a, e);
                if (!outside.isEmpty()) {
                    disagreements.add(r.id() + " " + a.name() + ": listed but outside the ranges: "
                            + String.join(", ", outside));
                }
            }
        }
        return new Summary(files, stored.size(), records.size() - stored.size(), withdrawn, git, disagreements,
                digests, dbDir);
    }
}
