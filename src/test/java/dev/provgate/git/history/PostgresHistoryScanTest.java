// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.store.StoreLocations;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The history scan cases on PostgreSQL: the server PROVGATE_TEST_POSTGRES_URL names, a schema per test. Skipped
 * with the reason when no server is given, failed under CI=true (see {@link StoreLocations}).
 */
class PostgresHistoryScanTest extends HistoryScanContract {
    private final StoreLocations.Postgres postgres = StoreLocations.postgres();

    @Override
    String newStoreLocation(Path tmp) throws Exception {
        return postgres.createOrSkip();
    }

    @Override
    @AfterEach
    void closeStore() {
        if (store != null) {
            super.closeStore();
        }
        try {
            postgres.drop();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
