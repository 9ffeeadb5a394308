// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.ProvgateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardsTest {
    private static List<ScanTarget> targets(int n) {
        return IntStream.range(0, n).mapToObj(i -> "github.com/org/repo-" + i)
                .map(id -> new ScanTarget(id, Path.of("/mirrors", id), "https://" + id)).toList();
    }

    @Test
    void everyTargetInExactlyOneShard() {
        List<ScanTarget> all = targets(1000);
        for (int count : new int[] {1, 2, 3, 8, 16}) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < count; i++) {
                for (ScanTarget t : Shards.select(all, i, count)) {
                    assertEquals(null, seen.put(t.id(), i), t.id() + " in two shards of " + count);
                }
            }
            assertEquals(all.size(), seen.size(), "every target in some shard of " + count);
        }
    }

    @Test
    void shardDependsOnTheIdNotTheOrderOrTheOtherTargets() {
        List<ScanTarget> all = targets(200);
        List<ScanTarget> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        for (int i = 0; i < 5; i++) {
            assertEquals(Shards.select(all, i, 5).stream().map(ScanTarget::id).sorted().toList(),
                    Shards.select(shuffled, i, 5).stream().map(ScanTarget::id).sorted().toList());
        }
        ScanTarget one = all.get(42);
        int shard = Shards.shardOf(one.id(), 5);
        assertEquals(List.of(one), Shards.select(List.of(one), shard, 5), "alone, it stays in its shard");
        assertEquals(List.of(one), Shards.select(all.subList(40, 50), shard, 5).stream()
                .filter(t -> t.id().equals(one.id())).toList());
    }

    @Test
    void shardNumbersAreStableAcrossReleases() {
        // The first 8 bytes of SHA-256, big-endian, mod N (checked with Python hashlib): a change would move
        // repositories between the shards of CI jobs already running.
        assertEquals(List.of(4, 3, 1, 0), List.of("github.com/org/repo-0", "github.com/org/repo-1",
                "github.com/org/repo-2", "/srv/git/app").stream().map(id -> Shards.shardOf(id, 8)).toList());
    }

    @Test
    void balancedOnAThousandIds() {
        List<ScanTarget> all = targets(1000);
        for (int count : new int[] {4, 8, 10}) {
            double expected = 1000.0 / count;
            for (int i = 0; i < count; i++) {
                int size = Shards.select(all, i, count).size();
                assertTrue(Math.abs(size - expected) <= 0.2 * expected,
                        "shard " + i + "/" + count + " holds " + size + ", expected about " + expected);
            }
        }
    }

    @Test
    void parsesIndexSlashCountOrCountWithTheJobIndex() {
        assertEquals(new Shards.Shard(3, 8), Shards.parse("3/8", Map.of()));
        assertEquals(new Shards.Shard(0, 1), Shards.parse(" 0 / 1 ", Map.of()));
        assertEquals(new Shards.Shard(5, 8), Shards.parse("8", Map.of("JOB_COMPLETION_INDEX", "5")));
        assertEquals(new Shards.Shard(2, 8), Shards.parse("2/8", Map.of("JOB_COMPLETION_INDEX", "5")),
                "an explicit index wins");
    }

    @Test
    void badShardSpecsAreOneLineErrors() {
        assertEquals("--shard: shard 8 is outside 0..7 (shards count from 0, like JOB_COMPLETION_INDEX)",
                assertThrows(ProvgateException.class, () -> Shards.parse("8/8", Map.of())).userMessage());
        assertEquals("--shard: the number of shards must be at least 1, not 0",
                assertThrows(ProvgateException.class, () -> Shards.parse("0/0", Map.of())).userMessage());
        assertEquals("--shard: expected I/N (such as 0/8) or N with JOB_COMPLETION_INDEX set, not '1-of-8'",
                assertThrows(ProvgateException.class, () -> Shards.parse("1-of-8", Map.of())).userMessage());
        assertEquals("--shard 8: no shard index; give I/8 or set JOB_COMPLETION_INDEX",
                assertThrows(ProvgateException.class, () -> Shards.parse("8", Map.of())).userMessage());
        assertEquals("JOB_COMPLETION_INDEX is 'x', not a shard number", assertThrows(ProvgateException.class,
                () -> Shards.parse("8", Map.of("JOB_COMPLETION_INDEX", "x"))).userMessage());
    }
}
