// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.UserConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the inventory store a {@code --db} value names: a file path or {@code jdbc:sqlite:...} is an embedded
 * SQLite database (WAL, so readers never wait for the scan that writes; a busy timeout, so several writers take
 * turns), {@code jdbc:postgresql:...} a shared server. Credentials never come from the location itself.
 */
public final class StoreConnections {
    static final String SQLITE = "jdbc:sqlite:";
    static final String POSTGRESQL = "jdbc:postgresql:";
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;

    private StoreConnections() {
    }

    /** {@code $XDG_DATA_HOME/provgate/inventory.sqlite}, else {@code ~/.local/share/provgate/inventory.sqlite}. */
    public static String defaultLocation() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("provgate").resolve("inventory.sqlite").toString();
    }

    /** A connection in auto-commit mode; the caller closes it. An unreachable store is an input error. */
    public static Connection open(String location) {
        return open(location, true);
    }

    /**
     * As {@link #open(String)}; with {@code mayCreate} false, a SQLite file that does not exist is an input error
     * rather than a new, empty store (a reader must not answer from a store nothing was ever written to).
     */
    public static Connection open(String location, boolean mayCreate) {
        if (location.startsWith(POSTGRESQL)) {
            return openPostgres(location);
        }
        if (location.startsWith("jdbc:") && !location.startsWith(SQLITE)) {
            throw new ProvgateException(location, 0, "unknown store: give a file, jdbc:sqlite:FILE or "
                    + "jdbc:postgresql://HOST/DB");
        }
        return openSqlite(location.startsWith(SQLITE) ? location.substring(SQLITE.length()) : location, mayCreate);
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith(POSTGRESQL);
    }

    private static Connection openSqlite(String file, boolean mayCreate) {
        Path path = Path.of(file).toAbsolutePath();
        if (!mayCreate && !Files.isRegularFile(path)) {
            throw new ProvgateException(path.toString(), 0, "no inventory store here: "
                    + InventoryStore.SCAN_FIRST.formatted(file));
        }
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new ProvgateException(path.toString(), 0, "cannot create the store's folder: " + e.getMessage(), e);
        }
        Properties settings = new Properties();
        settings.setProperty("journal_mode", "WAL");
        settings.setProperty("synchronous", "NORMAL");
        settings.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
        settings.setProperty("foreign_keys", "true");
        // A deferred transaction that reads, then writes, fails at once when another writer holds the lock;
        // taking the write lock at BEGIN makes concurrent writers wait their turn instead.
        settings.setProperty("transaction_mode", "IMMEDIATE");
        try {
            return DriverManager.getConnection(SQLITE + path, settings);
        } catch (SQLException e) {
            throw new ProvgateException(path.toString(), 0, "cannot open the inventory store: " + e.getMessage(), e);
        }
    }

    /** Credentials as PostgreSQL's own tools find them (see {@link PostgresSettings}), never from the location. */
    private static Connection openPostgres(String url) {
        PostgresSettings settings = PostgresSettings.resolve(url, UserConfig.system());
        try {
            return DriverManager.getConnection(settings.url(), settings.properties());
        } catch (SQLException e) {
            throw new ProvgateException(url, 0, "cannot connect to the inventory store: " + e.getMessage()
                    + settings.note().map(n -> " (" + n + ")").orElse(""), e);
        }
    }
}
