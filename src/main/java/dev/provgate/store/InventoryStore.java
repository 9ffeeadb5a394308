// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import dev.provgate.model.CommitInfo;
import dev.provgate.model.Exposure;
import dev.provgate.model.Interval;
import dev.provgate.model.ProvgateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The inventory store: what history scans found, kept so rescans touch only what changed and {@code query}
 * answers without opening a repository. Writes are idempotent (the same scan twice changes nothing) and each
 * repository's are one transaction, so an interrupted scan leaves every repository either as before or done.
 * Not thread-safe: one store per thread; several stores (threads, processes, shards) may write to one database.
 */
public final class InventoryStore implements AutoCloseable {
    private final Connection connection;
    private final String location;

    private InventoryStore(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    /** How to fill a store that is missing or empty, given its location. */
    static final String SCAN_FIRST = "run 'provgate scan-org --db %s SOURCE...' first";

    /** Opens (creating where needed) and migrates the store. */
    public static InventoryStore open(String location) {
        return open(location, true);
    }

    /**
     * The store a reader answers from: it must exist and hold at least one scanned repository, since "no
     * exposures" from a store nothing was written to would be a silent pass.
     */
    public static InventoryStore openScanned(String location) {
        InventoryStore store = open(location, false);
        try (PreparedStatement p = store.connection.prepareStatement("SELECT 1 FROM repositories LIMIT 1");
             ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                store.close();
                throw new ProvgateException(location, 0, "the inventory store holds no scanned repository: "
                        + SCAN_FIRST.formatted(location));
            }
            return store;
        } catch (SQLException e) {
            store.close();
            throw failure("cannot read the store", e);
        }
    }

    private static InventoryStore open(String location, boolean mayCreate) {
        Connection connection = StoreConnections.open(location, mayCreate);
        try {
            Migrations.apply(connection);
            return new InventoryStore(connection, location);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof ProvgateException p) {
                throw p;
            }
            throw failure("cannot prepare the schema", e);
        }
    }

    public String location() {
        return location;
    }

    /** The scanned tip of each ref of a repository, by ref name. */
    public Map<String, String> tips(String repository) {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT name, tip FROM refs WHERE repository = ?")) {
            p.setString(1, repository);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read refs", e);
        }
    }

    /**
     * The lockfile changes stored for a repository, by commit: path to blob id (null: deleted). A commit an earlier
     * scan walked and that has no entry changed no lockfile.
     */
    public Map<String, Map<String, String>> lockfileChanges(String repository) {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT sha, path, oid FROM lockfile_changes WHERE repository = ?")) {
            p.setString(1, repository);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read lockfile changes", e);
        }
    }

    /** A blob parsed by an earlier scan, in any repository; empty when it never was. */
    public Optional<ParsedBlob> blob(String oid, String format) {
        try (PreparedStatement b = connection.prepareStatement(
                "SELECT error FROM blobs WHERE oid = ? AND format = ?")) {
            b.setString(1, oid);
            b.setString(2, format);
            String error;
            try (ResultSet rs = b.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                error = rs.getString(1);
            }
            List<StoredPackage> packages = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT purl, package, version, line, direct, "
                    + "hashes FROM blob_packages WHERE oid = ? AND format = ? ORDER BY seq")) {
                p.setString(1, oid);
                p.setString(2, format);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        packages.add(new StoredPackage(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getInt(4), rs.getInt(5) != 0, rs.getString(6)));
                    }
                }
            }
            return Optional.of(new ParsedBlob(oid, format, error, packages));
        } catch (SQLException e) {
            throw failure("cannot read blob " + oid, e);
        }
    }

    /** Stores one repository's scan in one transaction. */
    public void write(RepositoryScan scan) {
        try {
            connection.setAutoCommit(false);
            try {
                writeAll(scan);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot store " + scan.location(), e);
        }
    }

    private void writeAll(RepositoryScan scan) throws SQLException {
        String repo = scan.id();
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO repositories (id, location, truncated, "
                + "scanned_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET location = excluded.location, "
                + "truncated = excluded.truncated, scanned_at = excluded.scanned_at")) {
            p.setString(1, repo);
            p.setString(2, scan.location());
            p.setInt(3, scan.truncated() ? 1 : 0);
            p.setLong(4, System.currentTimeMillis() / 1000);
            p.executeUpdate();
        }
        writeBlobs(scan.blobs());
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO commits (repository, sha, parents, "
                + "author_name, author_email, author_time, author_offset, committer_name, committer_email, "
                + "commit_time, commit_offset, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            for (CommitInfo c : scan.commits()) {
                p.setString(1, repo);
                p.setString(2, c.sha());
                p.setString(3, String.join(" ", c.parents()));
                p.setString(4, c.authorName());
                p.setString(5, c.authorEmail());
                p.setLong(6, c.authorTime());
                p.setInt(7, c.authorOffset());
                p.setString(8, c.committerName());
                p.setString(9, c.committerEmail());
                p.setLong(10, c.commitTime());
                p.setInt(11, c.commitOffset());
                p.setString(12, c.subject());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO lockfile_changes (repository, sha, "
                + "path, oid) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (LockfileChange c : scan.changes()) {
                p.setString(1, repo);
                p.setString(2, c.sha());
                p.setString(3, c.path());
                p.setString(4, c.oid());
                p.addBatch();
            }
            p.executeBatch();
        }
        List<String> replaced = new ArrayList<>(scan.rederived());
        replaced.addAll(scan.removed());
        deleteForRefs("DELETE FROM intervals WHERE repository = ? AND ref = ?", repo, replaced);
        deleteForRefs("DELETE FROM refs WHERE repository = ? AND name = ?", repo, scan.removed());
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO refs (repository, name, tip) "
                + "VALUES (?, ?, ?) ON CONFLICT (repository, name) DO UPDATE SET tip = excluded.tip")) {
            for (Map.Entry<String, String> tip : new TreeMap<>(scan.tips()).entrySet()) {
                p.setString(1, repo);
                p.setString(2, tip.getKey());
                p.setString(3, tip.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
        writeIntervals(repo, scan.intervals());
    }

    private void writeBlobs(List<ParsedBlob> blobs) throws SQLException {
        try (PreparedStatement b = connection.prepareStatement(
                "INSERT INTO blobs (oid, format, error) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement p = connection.prepareStatement("INSERT INTO blob_packages (oid, format, seq, purl, "
                     + "package, version, line, direct, hashes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     + "ON CONFLICT DO NOTHING")) {
            for (ParsedBlob blob : blobs) {
                b.setString(1, blob.oid());
                b.setString(2, blob.format());
                b.setString(3, blob.error());
                b.addBatch();
                int seq = 0;
                for (StoredPackage pkg : blob.packages()) {
                    p.setString(1, blob.oid());
                    p.setString(2, blob.format());
                    p.setInt(3, seq++);
                    p.setString(4, pkg.purl());
                    p.setString(5, pkg.pkg());
                    p.setString(6, pkg.version());
                    p.setInt(7, pkg.line());
                    p.setInt(8, pkg.direct() ? 1 : 0);
                    p.setString(9, pkg.hashes());
                    p.addBatch();
                }
            }
            b.executeBatch();
            p.executeBatch();
        }
    }

    private void writeIntervals(String repo, List<Interval> intervals) throws SQLException {
        Map<String, Integer> seqs = new HashMap<>();
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO intervals (repository, ref, seq, purl, "
                + "package, version, lockfile, line, introduced, merge_commit, removed, start_time, end_time) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Interval i : intervals) {
                p.setString(1, repo);
                p.setString(2, i.ref());
                p.setInt(3, seqs.merge(i.ref(), 1, Integer::sum));
                p.setString(4, i.purl());
                p.setString(5, i.pkg());
                p.setString(6, i.version());
                p.setString(7, i.lockfile());
                p.setInt(8, i.line());
                p.setString(9, i.introduced());
                p.setString(10, i.merge());
                p.setString(11, i.removed());
                p.setLong(12, i.startTime());
                if (i.endTime() == null) {
                    p.setNull(13, Types.BIGINT);
                } else {
                    p.setLong(13, i.endTime());
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private void deleteForRefs(String sql, String repo, Collection<String> refs) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (String ref : refs) {
                p.setString(1, repo);
                p.setString(2, ref);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Every interval of these packages (purls without version), with repository and commits, in a stable order. */
    public List<Exposure> exposures(Collection<String> packages) {
        List<Exposure> out = new ArrayList<>();
        String sql = "SELECT r.location, r.truncated, i.ref, i.purl, i.package, i.version, i.lockfile, i.line, "
                + "i.introduced, i.merge_commit, i.removed, i.start_time, i.end_time, " + commitColumns("ci") + ", "
                + commitColumns("cr") + " FROM intervals i JOIN repositories r ON r.id = i.repository "
                + "JOIN commits ci ON ci.repository = i.repository AND ci.sha = i.introduced "
                + "LEFT JOIN commits cr ON cr.repository = i.repository AND cr.sha = i.removed "
                + "WHERE i.package = ? ORDER BY r.location, i.ref, i.purl, i.start_time, i.seq";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (String pkg : packages.stream().distinct().sorted().toList()) {
                p.setString(1, pkg);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Long end = rs.getLong(13);
                        end = rs.wasNull() ? null : end;
                        Interval interval = new Interval(rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getLong(12), end);
                        CommitInfo removed = interval.removed() == null ? null : commit(rs, 25);
                        out.add(new Exposure(rs.getString(1), rs.getInt(2) != 0, interval, commit(rs, 14),
                                removed));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot query", e);
        }
    }

    private static String commitColumns(String alias) {
        return String.join(", ", Arrays.stream(new String[] {"sha", "parents", "author_name", "author_email",
                "author_time", "author_offset", "committer_name", "committer_email", "commit_time", "commit_offset",
                "subject"}).map(c -> alias + "." + c).toList());
    }

    private static CommitInfo commit(ResultSet rs, int first) throws SQLException {
        String parents = rs.getString(first + 1);
        return new CommitInfo(rs.getString(first), parents.isEmpty() ? List.of() : List.of(parents.split(" ")),
                rs.getString(first + 2), rs.getString(first + 3), rs.getLong(first + 4), rs.getInt(first + 5),
                rs.getString(first + 6), rs.getString(first + 7), rs.getLong(first + 8), rs.getInt(first + 9),
                rs.getString(first + 10));
    }

    /** Every package (purl without version) some interval holds, sorted. */
    public List<String> packages() {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT DISTINCT package FROM intervals ORDER BY package");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot list packages", e);
        }
    }

    /** Row counts per table, for the benchmark and the summary. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        for (String table : List.of("repositories", "refs", "commits", "lockfile_changes", "blobs", "blob_packages",
                "intervals")) {
            try (PreparedStatement p = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                out.put(table, rs.getLong(1));
            } catch (SQLException e) {
                throw failure("cannot count " + table, e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with a connection that will not close
        }
    }

    private static ProvgateException failure(String what, Exception e) {
        return new ProvgateException("inventory store: " + what + ": " + e.getMessage());
    }
}
