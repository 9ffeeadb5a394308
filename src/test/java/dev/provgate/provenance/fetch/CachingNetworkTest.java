// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.FakeRegistry.Answer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache: hits, revalidation, 404s, offline use, damaged entries. */
class CachingNetworkTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final FakeRegistry registry = new FakeRegistry();
    @TempDir
    Path cache;

    @AfterEach
    void stop() {
        registry.close();
    }

    private CachingNetwork online(Instant now) {
        return new CachingNetwork(new HttpNetwork(HttpNetwork.Settings.withTimeout(Duration.ofSeconds(5))), cache,
                Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
    }

    private CachingNetwork offline() {
        return new CachingNetwork(new OfflineNetwork(), cache, Duration.ofHours(24), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private Network.Request get(String path) {
        return Network.Request.get(URI.create(registry.url(path)));
    }

    @Test
    void freshEntryIsServedWithoutARequest() throws Exception {
        registry.on("/p", Answer.ok("one"));
        assertFalse(online(T0).send(get("/p")).cached());
        Network.Response second = online(T0.plus(Duration.ofHours(23))).send(get("/p"));
        assertTrue(second.cached());
        assertArrayEquals("one".getBytes(), second.body());
        assertEquals(1, registry.count("/p"));
    }

    @Test
    void staleEntryIsRevalidatedWithItsEtagAndA304RenewsIt() throws Exception {
        registry.on("/p", Answer.ok("one").withHeader("ETag", "\"v1\"")
                        .withHeader("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT"),
                Answer.status(304));
        online(T0).send(get("/p"));
        Network.Response revalidated = online(T0.plus(Duration.ofHours(25))).send(get("/p"));
        assertArrayEquals("one".getBytes(), revalidated.body());
        assertEquals(200, revalidated.status());
        FakeRegistry.Seen second = registry.seen().get(1);
        assertEquals("\"v1\"", second.headers().get("If-None-Match"));
        assertEquals("Thu, 01 Jan 2026 00:00:00 GMT", second.headers().get("If-Modified-Since"));
        online(T0.plus(Duration.ofHours(26))).send(get("/p"));
        assertEquals(2, registry.count("/p"), "renewed by the 304, so the third call is a hit");
    }

    @Test
    void staleEntryIsReplacedWhenTheServerHasNewContent() throws Exception {
        registry.on("/p", Answer.ok("one"), Answer.ok("two"));
        online(T0).send(get("/p"));
        assertArrayEquals("two".getBytes(), online(T0.plus(Duration.ofDays(2))).send(get("/p")).body());
        assertArrayEquals("two".getBytes(), offline().send(get("/p")).body());
    }

    @Test
    void notFoundIsCachedToo() throws Exception {
        online(T0).send(get("/missing"));
        assertEquals(404, online(T0).send(get("/missing")).status());
        assertEquals(1, registry.count("/missing"));
    }

    @Test
    void serverErrorsAreNotCached() throws Exception {
        registry.on("/p", Answer.status(400), Answer.ok("fine"));
        online(T0).send(get("/p"));
        assertEquals(200, online(T0).send(get("/p")).status());
    }

    @Test
    void offlineServesAnyEntryHoweverOldAndRefusesTheRest() throws Exception {
        registry.on("/p", Answer.ok("one"));
        online(T0.minus(Duration.ofDays(400))).send(get("/p"));
        assertArrayEquals("one".getBytes(), offline().send(get("/p")).body());
        ProvgateException e = assertThrows(ProvgateException.class, () -> offline().send(get("/other")));
        assertTrue(e.getMessage().startsWith("network disabled by --offline"), e.getMessage());
        assertEquals(1, registry.seen().size());
    }

    @Test
    void damagedEntryIsAMiss() throws Exception {
        registry.on("/p", Answer.ok("one"), Answer.ok("two"));
        online(T0).send(get("/p"));
        try (Stream<Path> files = Files.list(cache)) {
            for (Path meta : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.writeString(meta, "{ not json");
            }
        }
        assertArrayEquals("two".getBytes(), online(T0).send(get("/p")).body());
    }

    @Test
    void requestHeadersArePartOfTheKey() throws Exception {
        registry.on("/p", Answer.ok("x"));
        online(T0).send(get("/p"));
        online(T0).send(get("/p").withHeader("Accept", "application/json"));
        assertEquals(2, registry.count("/p"));
    }

    @Test
    void onlyThePartTheRequestNeedsIsStoredAndServed() throws Exception {
        registry.on("/big", Answer.ok("needed+" + "x".repeat(10_000)));
        java.util.function.UnaryOperator<byte[]> head = b -> java.util.Arrays.copyOf(b, 6);
        Network.Response first = online(T0).send(get("/big").keeping(head));
        assertArrayEquals("needed".getBytes(), first.body(), "the caller gets what it asked for, cached or not");
        Network.Response second = online(T0).send(get("/big").keeping(head));
        assertTrue(second.cached());
        assertArrayEquals("needed".getBytes(), second.body());
        long bodies;
        try (var files = java.nio.file.Files.list(cache)) {
            bodies = files.filter(f -> f.toString().endsWith(".body")).mapToLong(f -> f.toFile().length()).sum();
        }
        assertEquals(6, bodies);
    }

    @Test
    void theFolderStaysUnderItsLimitByDroppingTheOldestEntries() throws Exception {
        for (int i = 0; i < 10; i++) {
            registry.on("/e" + i, Answer.ok("y".repeat(1_000)));
        }
        long limit = 4_000;
        for (int i = 0; i < 10; i++) {
            new CachingNetwork(new HttpNetwork(HttpNetwork.Settings.withTimeout(Duration.ofSeconds(5))), cache,
                    Duration.ofHours(24), Clock.fixed(T0, ZoneOffset.UTC), limit).send(get("/e" + i));
            java.nio.file.Files.list(cache).forEach(f -> f.toFile().setLastModified(System.currentTimeMillis()
                    - 1_000_000L + 1));
        }
        long total;
        try (var files = java.nio.file.Files.list(cache)) {
            total = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(total <= limit, "cache holds " + total + " bytes, limit " + limit);
        assertTrue(online(T0).send(get("/e9")).cached(), "the newest entry stays");
    }
}
