// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The advisories provgate matches against: the database {@code provgate advisories import} built (in
 * {@code --db-dir} or {@code ~/.cache/provgate/advisories}), or, when nothing was imported there, the built-in
 * snapshot. Cheap to open: the index is memory-mapped and read on demand.
 */
public final class AdvisoryDatabase {
    static final String INDEX = "index.bin";
    static final String PACK = "records.pack";

    private final AdvisoryIndex index;
    private final Path dir;

    private AdvisoryDatabase(AdvisoryIndex index, Path dir) {
        this.index = index;
        this.dir = dir;
    }

    /** The database in the folder (default location when empty), or the built-in snapshot if none was imported. */
    public static AdvisoryDatabase open(Optional<Path> dbDir) {
        Path dir = dbDir.orElseGet(AdvisoryDatabase::defaultDir);
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return builtIn();
        }
        try {
            return new AdvisoryDatabase(AdvisoryIndex.open(index), dir);
        } catch (IOException e) {
            throw new ProvgateException(index.toString(), 0, "cannot read the advisory database: " + e.getMessage());
        }
    }

    /** The snapshot shipped in the jar. */
    public static AdvisoryDatabase builtIn() {
        return new AdvisoryDatabase(BuiltInSnapshot.load(), null);
    }

    /** {@code $XDG_CACHE_HOME/provgate/advisories}, else {@code ~/.cache/provgate/advisories}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("provgate").resolve("advisories");
    }

    public boolean isSnapshot() {
        return dir == null;
    }

    /** The folder of an imported database; empty for the snapshot. */
    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** When the database was imported (for the snapshot: when it was generated). */
    public Optional<Instant> importedAt() {
        return index.importedAt();
    }

    /** The most recent {@code modified} date of any record: how current the data is. */
    public Optional<Instant> newestModified() {
        return index.newestModified();
    }

    /** When the built-in snapshot was generated, whichever database is open. */
    public static Instant snapshotDate() {
        return BuiltInSnapshot.load().importedAt().orElseThrow();
    }

    public int size() {
        return index.size();
    }

    /** One line saying which data this is and how old it is. */
    public String describe() {
        String what = isSnapshot() ? "built-in advisory snapshot (generated " : "advisory database " + dir
                + " (imported ";
        return what + importedAt().map(Instant::toString).orElse("at an unknown time")
                + ", newest record modified " + newestModified().map(Instant::toString).orElse("unknown")
                + ", " + size() + " records)";
    }

    /**
     * The affected entries that name this package (any version). An action in a sub-folder of a repository
     * ({@code github/codeql-action/init}) also gets the entries that name the repository: its tags are the same.
     */
    public List<AdvisoryIndex.Hit> lookup(Ecosystem ecosystem, String name) {
        if (ecosystem == Ecosystem.OTHER) {
            return List.of();
        }
        List<AdvisoryIndex.Hit> hits = index.lookup(ecosystem.osvName() + "/" + PackageKeys.normalizeName(ecosystem,
                name));
        String repository = PackageKeys.repositoryOf(ecosystem, name);
        if (repository.equals(name)) {
            return hits;
        }
        List<AdvisoryIndex.Hit> all = new ArrayList<>(hits);
        all.addAll(index.lookup(ecosystem.osvName() + "/" + PackageKeys.normalizeName(ecosystem, repository)));
        return all;
    }

    /** Records listing this SHA-256 digest as a known-bad file. */
    public List<StoredRecord> withDigest(String sha256) {
        return index.withDigest(sha256);
    }

    public List<StoredRecord> all() {
        List<StoredRecord> out = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            out.add(index.record(i));
        }
        return out;
    }

    /** Records with this id or alias (case-insensitive). */
    public List<StoredRecord> find(String id) {
        return all().stream().filter(s -> s.record().isKnownAs(id.strip())).toList();
    }

    /** The original bytes of an imported record; empty for the snapshot's facts-only records. */
    public Optional<byte[]> original(StoredRecord stored) {
        if (dir == null || stored.packLength() == 0) {
            return Optional.empty();
        }
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(PACK).toFile(), "r")) {
            byte[] b = new byte[stored.packLength()];
            f.seek(stored.packOffset());
            f.readFully(b);
            return Optional.of(b);
        } catch (IOException e) {
            throw new ProvgateException(dir.resolve(PACK).toString(), 0, "cannot read: " + e.getMessage());
        }
    }
}
