// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * The store's guarantees on PostgreSQL: the server PROVGATE_TEST_POSTGRES_URL names, a schema per test. Skipped
 * with the reason when no server is given, failed under CI=true (see {@link StoreLocations}).
 */
class PostgresInventoryStoreTest extends InventoryStoreContract {
    private final StoreLocations.Postgres postgres = StoreLocations.postgres();

    @Override
    protected String newStoreLocation(Path tmp) throws Exception {
        return postgres.createOrSkip();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        postgres.drop();
    }
}
