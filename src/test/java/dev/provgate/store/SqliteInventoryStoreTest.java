// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provgate.model.ProvgateException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The store contract on SQLite, plus what only SQLite has: a file, WAL, the default location. */
class SqliteInventoryStoreTest extends InventoryStoreContract {
    @Override
    protected String newStoreLocation(Path tmp) {
        return tmp.resolve("nested/folder/inventory.sqlite").toString();
    }

    @Test
    void fileInWalModeAndJdbcSpelling() throws Exception {
        String file = tmp.resolve("a.sqlite").toString();
        try (Connection c = StoreConnections.open("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void unknownJdbcStoreIsAnInputError() {
        ProvgateException e = assertThrows(ProvgateException.class, () -> StoreConnections.open("jdbc:mysql://x/y"));
        assertEquals("jdbc:mysql://x/y: unknown store: give a file, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB",
                e.userMessage());
    }
}
