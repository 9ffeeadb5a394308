// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.CommitInfo;
import dev.provgate.model.Exposure;
import dev.provgate.model.Interval;
import dev.provgate.model.ProvgateException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's guarantees, on whichever database a subclass names: schema created once, idempotent writes,
 * replacement of a ref's intervals, one transaction per repository, several writers at once.
 */
public abstract class InventoryStoreContract {
    @TempDir
    protected Path tmp;

    /** A fresh, empty store location for one test. */
    protected abstract String newStoreLocation(Path tmp) throws Exception;

    static CommitInfo commit(String sha, long time) {
        return new CommitInfo(sha, List.of(), "Alice", "alice@example.test", time, 120, "Bob", "bob@example.test",
                time + 60, -300, "subject " + sha.charAt(0));
    }

    static String sha(char c) {
        return String.valueOf(c).repeat(40);
    }

    static RepositoryScan scan(String repo, String ref, String tip, String version) {
        String pkg = "pkg:pypi/litellm";
        ParsedBlob blob = new ParsedBlob(sha('b'), "python/requirements", null, List.of(
                new StoredPackage(pkg + "@" + version, pkg, version, 1, true, "sha256:00")));
        Interval interval = new Interval(ref, pkg + "@" + version, pkg, version, "requirements.txt", 1, sha('a'),
                null, null, 1_774_350_000L, null);
        return new RepositoryScan(repo, repo + "-location", false, Map.of(ref, tip), Set.of(ref), Set.of(),
                List.of(interval), List.of(commit(sha('a'), 1_774_350_000L)),
                List.of(new LockfileChange(sha('a'), "requirements.txt", sha('b'))), List.of(blob));
    }

    @Test
    void writesAreIdempotentAndAnswerQueries() throws Exception {
        String location = newStoreLocation(tmp);
        try (InventoryStore store = InventoryStore.open(location)) {
            store.write(scan("repo-1", "refs/heads/main", sha('a'), "1.82.8"));
            Map<String, Long> once = store.counts();
            store.write(scan("repo-1", "refs/heads/main", sha('a'), "1.82.8"));
            assertEquals(once, store.counts());
            assertEquals(Map.of("refs/heads/main", sha('a')), store.tips("repo-1"));
            List<Exposure> found = store.exposures(List.of("pkg:pypi/litellm"));
            assertEquals(1, found.size());
            Exposure e = found.get(0);
            assertEquals("repo-1-location", e.repository());
            assertEquals("pkg:pypi/litellm@1.82.8", e.interval().purl());
            assertEquals("Alice <alice@example.test>", e.introduced().author());
            assertEquals(-300, e.introduced().commitOffset());
            assertEquals(null, e.removed());
            assertEquals(List.of(new StoredPackage("pkg:pypi/litellm@1.82.8", "pkg:pypi/litellm", "1.82.8", 1,
                    true, "sha256:00")), store.blob(sha('b'), "python/requirements").orElseThrow().packages());
        }
        try (InventoryStore reopened = InventoryStore.open(location)) {
            assertEquals(1, reopened.exposures(List.of("pkg:pypi/litellm")).size(), "kept, schema not re-created");
        }
    }

    @Test
    void aRescannedRefReplacesItsIntervalsAndAGoneRefIsDeleted() throws Exception {
        try (InventoryStore store = InventoryStore.open(newStoreLocation(tmp))) {
            store.write(scan("repo-1", "refs/heads/main", sha('a'), "1.82.8"));
            store.write(scan("repo-1", "refs/heads/main", sha('c'), "1.82.7"));
            assertEquals(List.of("1.82.7"), store.exposures(List.of("pkg:pypi/litellm")).stream()
                    .map(e -> e.interval().version()).toList());
            store.write(new RepositoryScan("repo-1", "repo-1-location", false, Map.of(), Set.of(),
                    Set.of("refs/heads/main"), List.of(), List.of(), List.of(), List.of()));
            assertEquals(Map.of(), store.tips("repo-1"));
            assertEquals(List.of(), store.exposures(List.of("pkg:pypi/litellm")));
        }
    }

    @Test
    void aFailedWriteLeavesTheRepositoryAsItWas() throws Exception {
        try (InventoryStore store = InventoryStore.open(newStoreLocation(tmp))) {
            store.write(scan("repo-1", "refs/heads/main", sha('a'), "1.82.8"));
            Map<String, Long> before = store.counts();
            RepositoryScan good = scan("repo-1", "refs/heads/main", sha('c'), "1.82.7");
            Interval clash = good.intervals().get(0);
            // The second interval has no ref: the NOT NULL constraint fails it after the first was written.
            Interval broken = new Interval(null, clash.purl(), clash.pkg(), clash.version(), clash.lockfile(),
                    clash.line(), clash.introduced(), null, null, clash.startTime(), null);
            RepositoryScan bad = new RepositoryScan("repo-1", "moved", false, good.tips(), good.rederived(),
                    Set.of(), List.of(clash, broken), good.commits(), good.changes(), good.blobs());
            assertThrows(ProvgateException.class, () -> store.write(bad));
            assertEquals(before, store.counts());
            assertEquals(Map.of("refs/heads/main", sha('a')), store.tips("repo-1"));
        }
    }

    @Test
    void severalWritersAtOnce() throws Exception {
        String location = newStoreLocation(tmp);
        InventoryStore.open(location).close();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    try (InventoryStore store = InventoryStore.open(location)) {
                        for (int i = 0; i < 10; i++) {
                            store.write(scan("repo-" + writer + "-" + i, "refs/heads/main", sha('a'), "1.82.8"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (InventoryStore store = InventoryStore.open(location)) {
            assertEquals(40, store.exposures(List.of("pkg:pypi/litellm")).size());
            assertEquals(1L, store.counts().get("blobs"), "one blob, written by whichever writer came first");
        }
    }

    @Test
    void aStoreFromANewerProvgateIsRefused() throws Exception {
        String location = newStoreLocation(tmp);
        try (Connection c = StoreConnections.open(location)) {
            Migrations.apply(c);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
            }
        }
        ProvgateException e = assertThrows(ProvgateException.class, () -> InventoryStore.open(location));
        assertTrue(e.getMessage().contains("schema version 99, newer than this provgate knows"), e.getMessage());
    }
}
