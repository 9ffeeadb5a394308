// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a store's schema up to date on open: an ordered list of SQL files, each applied once, in one transaction
 * with its version row. A plain list rather than Flyway: the schema is one file today, the SQL is portable by
 * design, and a migration library would add a dependency larger than the store for one loop.
 */
final class Migrations {
    /** In order; append only. A file's statements are separated by semicolons at the end of a line. */
    static final List<String> FILES = List.of("V1__inventory.sql");
    private static final long POSTGRES_LOCK_KEY = 0x70726f76L;

    private Migrations() {
    }

    /** The schema version after applying what was missing. */
    static int apply(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                if (StoreConnections.isPostgres(connection)) {
                    // Shards that start together would otherwise race to create the same tables.
                    s.execute("SELECT pg_advisory_xact_lock(" + POSTGRES_LOCK_KEY + ")");
                }
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "applied_at BIGINT NOT NULL)");
            }
            int current = current(connection);
            if (current > FILES.size()) {
                throw new ProvgateException(connection.getMetaData().getURL(), 0, "the inventory store has schema "
                        + "version " + current + ", newer than this provgate knows (" + FILES.size() + "): upgrade");
            }
            for (int v = current + 1; v <= FILES.size(); v++) {
                try (Statement s = connection.createStatement()) {
                    for (String statement : statements(FILES.get(v - 1))) {
                        s.execute(statement);
                    }
                }
                try (PreparedStatement p = connection.prepareStatement(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                    p.setInt(1, v);
                    p.setLong(2, System.currentTimeMillis() / 1000);
                    p.executeUpdate();
                }
            }
            connection.commit();
            return FILES.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int current(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> statements(String file) {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + file);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }
}
