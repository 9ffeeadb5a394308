// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.provenance.fetch.UserConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness itself: each backend's store is fresh and its own; PostgreSQL is skipped or failed as documented. */
class StoreLocationsTest {
    @OnEachStore
    void eachRunGetsAnEmptyStoreOfItsOwn(StoreLocation store) throws Exception {
        if (store.backend().equals("sqlite")) {
            Path file = Path.of(store.location());
            assertTrue(Files.isDirectory(file.getParent()) && !Files.exists(file), store.location());
            return;
        }
        assertTrue(store.location().contains("currentSchema=provgate_test_"), store.location());
        PostgresSettings settings = PostgresSettings.resolve(store.location(), UserConfig.system());
        try (Connection c = DriverManager.getConnection(settings.url(), settings.properties());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id integer)");
            try (ResultSet r = s.executeQuery("SELECT current_schema()")) {
                r.next();
                assertTrue(store.location().endsWith("currentSchema=" + r.getString(1)), r.getString(1));
            }
        }
    }

    @Test
    void postgresIsSkippedWithAReasonOutsideCi() {
        StoreLocations.Postgres p = new StoreLocations.Postgres(Map.of());
        assertTrue(p.skipReason().startsWith("PROVGATE_TEST_POSTGRES_URL is not set: the PostgreSQL runs of the"
                + " store tests are skipped"), p.skipReason());
    }

    @Test
    void postgresFailsUnderCiWhenNoServerIsGiven() {
        StoreLocations.Postgres p = new StoreLocations.Postgres(Map.of("CI", "true"));
        assertNull(p.skipReason(), "not skipped");
        assertEquals("PROVGATE_TEST_POSTGRES_URL is not set under CI=true: the store tests must run on PostgreSQL"
                + " in CI (.ci/run sources scripts/ci/postgres.sh)",
                assertThrows(IllegalStateException.class, p::create).getMessage());
    }
}
