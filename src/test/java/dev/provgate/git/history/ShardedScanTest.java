// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.model.Exposure;
import dev.provgate.store.InventoryStore;
import dev.provgate.store.OnEachStore;
import dev.provgate.store.StoreLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards scanning at the same time into one store, as CI matrix jobs do: every repository is scanned by exactly one
 * shard, blobs that several repositories share are written once, and running every shard again changes nothing.
 */
class ShardedScanTest {
    private static final int SHARDS = 3;
    @TempDir
    Path tmp;

    /** 9 bare repositories; repo-0, -3 and -6 lock litellm 1.82.8 (the same blob in each), the rest only idna. */
    private Path organisation() throws Exception {
        Path org = tmp.resolve("org");
        for (int i = 0; i < 9; i++) {
            try (HistoryRepo repo = HistoryRepo.bare(org.resolve("repo-" + i + ".git"))) {
                RevCommit start = repo.commit("start", HistoryScanContract.ALICE, "2026-03-20T09:00:00+02:00",
                        HistoryScanContract.req("idna==3.7"));
                RevCommit tip = i % 3 == 0
                        ? repo.commit("add litellm", HistoryScanContract.BOB, "2026-03-24T11:00:00Z",
                                HistoryScanContract.req("idna==3.7", "litellm==1.82.8"), start)
                        : repo.commit("bump idna " + i, HistoryScanContract.CAROL, "2026-03-25T08:00:00-07:00",
                                HistoryScanContract.req("idna==3." + (7 + i)), start);
                repo.branch("main", tip);
            }
        }
        return org;
    }

    private static List<ScanTarget> targets(Path org) {
        RepositorySources.Resolved resolved = new RepositorySources(new Mirrors(org.resolve("no-mirrors")), true, 1)
                .resolve(List.of(org.toString()), List.of());
        assertEquals(List.of(), resolved.failures());
        return resolved.targets();
    }

    /** Each shard in its own thread with its own store connection, all at once. */
    private static int scanAllShards(String location, List<ScanTarget> all) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SHARDS);
        try {
            List<Future<Integer>> shards = new ArrayList<>();
            for (int i = 0; i < SHARDS; i++) {
                List<ScanTarget> mine = Shards.select(all, i, SHARDS);
                shards.add(pool.submit(() -> {
                    try (InventoryStore store = InventoryStore.open(location)) {
                        HistoryScanner scanner = new HistoryScanner(LockfileParsers.all(),
                                new RefPatterns(RefPatterns.DEFAULT));
                        for (ScanTarget t : mine) {
                            store.write(scanner.scan(t, store).scan());
                        }
                    }
                    return mine.size();
                }));
            }
            int scanned = 0;
            for (Future<Integer> f : shards) {
                scanned += f.get();
            }
            return scanned;
        } finally {
            pool.shutdown();
        }
    }

    @OnEachStore
    void shardsTogetherScanEachRepositoryOnceAndRerunsChangeNothing(StoreLocation store) throws Exception {
        Path org = organisation();
        List<ScanTarget> all = targets(org);
        assertEquals(9, all.size());
        assertEquals(9, scanAllShards(store.location(), all), "every repository in exactly one shard");
        Map<String, Long> counts;
        List<String> exposed;
        try (InventoryStore inventory = InventoryStore.open(store.location())) {
            counts = inventory.counts();
            exposed = inventory.exposures(List.of("pkg:pypi/litellm")).stream()
                    .filter(e -> e.interval().version().equals("1.82.8")).map(Exposure::repository).map(id -> id.substring(id.lastIndexOf('/') + 1)).toList();
        }
        assertEquals(9L, counts.get("repositories"));
        assertEquals(18L, counts.get("commits"));
        assertEquals(1L + 1 + 6, counts.get("blobs"), "idna==3.7 and the litellm blob are shared, stored once");
        assertEquals(List.of("repo-0.git", "repo-3.git", "repo-6.git"), exposed);

        scanAllShards(store.location(), all);
        try (InventoryStore inventory = InventoryStore.open(store.location())) {
            assertEquals(counts, inventory.counts(), "a second run of every shard changes nothing");
        }
    }
}
