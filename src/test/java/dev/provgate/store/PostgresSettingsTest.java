// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.UserConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresSettingsTest {
    @TempDir
    Path home;

    private UserConfig user(Map<String, String> env) {
        return new UserConfig(home, env);
    }

    private Path pgpass(String content, String mode) throws Exception {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void environmentCompletesTheUrlAndGivesTheCredentials() {
        PostgresSettings s = PostgresSettings.resolve("jdbc:postgresql:", user(Map.of("PGHOST", "db.internal",
                "PGPORT", "6543", "PGDATABASE", "inventory", "PGUSER", "scanner", "PGPASSWORD", "s3cret")));
        assertEquals("jdbc:postgresql://db.internal:6543/inventory", s.url());
        assertEquals("scanner", s.properties().getProperty("user"));
        assertEquals("s3cret", s.properties().getProperty("password"));
        assertEquals(Optional.empty(), s.note());
    }

    @Test
    void theUrlWinsOverTheEnvironmentAndKeepsItsOptions() {
        PostgresSettings s = PostgresSettings.resolve("jdbc:postgresql://pg.example:5433/org?user=ci&sslmode=require",
                user(Map.of("PGHOST", "elsewhere", "PGUSER", "someone", "PGDATABASE", "other")));
        assertEquals("jdbc:postgresql://pg.example:5433/org?user=ci&sslmode=require", s.url());
        assertEquals("ci", s.properties().getProperty("user"));
        assertEquals("", s.properties().getProperty("password"), "none: the driver must not look by itself");
        assertEquals(Optional.of("no password for ci@pg.example:5433/org in PGPASSWORD or " + home.resolve(".pgpass")),
                s.note());
    }

    @Test
    void databaseDefaultsToTheUserNameLikeLibpq() {
        PostgresSettings s = PostgresSettings.resolve("jdbc:postgresql://pg.example/", user(Map.of("PGUSER", "ops")));
        assertEquals("jdbc:postgresql://pg.example/ops", s.url());
    }

    @Test
    void pgpassFirstMatchingLineWithWildcardsAndEscapes() throws Exception {
        pgpass("""
                # host:port:database:user:password
                other.example:5432:*:ci:wrong
                pg.example:5432:org:ci:p\\:ass\\\\word:with:colons
                *:*:*:ci:fallback
                """, "rw-------");
        assertEquals("p:ass\\word:with:colons", PostgresSettings.resolve("jdbc:postgresql://pg.example/org?user=ci",
                user(Map.of())).properties().getProperty("password"));
        assertEquals("fallback", PostgresSettings.resolve("jdbc:postgresql://pg.example:5433/org?user=ci",
                user(Map.of())).properties().getProperty("password"));
        assertEquals("", PostgresSettings.resolve("jdbc:postgresql://pg.example/org?user=nobody",
                user(Map.of())).properties().getProperty("password"));
        assertEquals("env", PostgresSettings.resolve("jdbc:postgresql://pg.example/org?user=ci",
                user(Map.of("PGPASSWORD", "env"))).properties().getProperty("password"), "PGPASSWORD first");
    }

    @Test
    void pgpassFileFromPgpassfile() throws Exception {
        Path file = home.resolve("elsewhere.pgpass");
        Files.writeString(file, "localhost:5432:inv:me:from-pgpassfile\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertEquals("from-pgpassfile", PostgresSettings.resolve("jdbc:postgresql:inv",
                user(Map.of("PGPASSFILE", file.toString(), "PGUSER", "me"))).properties().getProperty("password"));
    }

    @Test
    void pgpassReadableByOthersIsIgnoredAndSaysSo() throws Exception {
        Path file = pgpass("*:*:*:*:leaked\n", "rw-r--r--");
        PostgresSettings s = PostgresSettings.resolve("jdbc:postgresql://pg.example/org?user=ci", user(Map.of()));
        assertEquals("", s.properties().getProperty("password"));
        assertEquals(Optional.of(file + " was ignored: group or others may read it (chmod 600 " + file + ")"),
                s.note());
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        String expected = ": a password is never taken from the command line; set PGPASSWORD or put it in a pgpass"
                + " file (~/.pgpass or PGPASSFILE, mode 0600)";
        assertEquals("jdbc:postgresql://pg.example/org?user=ci&password=***" + expected,
                assertThrows(ProvgateException.class, () -> PostgresSettings.resolve(
                        "jdbc:postgresql://pg.example/org?user=ci&password=hunter2", user(Map.of()))).userMessage());
        assertEquals("jdbc:postgresql://ci:***@pg.example/org" + expected,
                assertThrows(ProvgateException.class, () -> PostgresSettings.resolve(
                        "jdbc:postgresql://ci:hunter2@pg.example/org", user(Map.of()))).userMessage());
    }

    @Test
    void unixSocketHostIsExplained() {
        assertEquals("PGHOST is /var/run/postgresql, a Unix socket folder; the JDBC driver connects over TCP: set"
                + " PGHOST to a host name such as localhost, or name the host in --db",
                assertThrows(ProvgateException.class, () -> PostgresSettings.resolve("jdbc:postgresql:inv",
                        user(Map.of("PGHOST", "/var/run/postgresql")))).userMessage());
    }
}
