// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.model.ProvgateException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic split of an org scan's repositories into N shards, so N CI matrix jobs or a Kubernetes Indexed
 * Job share the work. A repository's shard depends only on its {@link ScanTarget#id} (a SHA-256 of it, modulo N):
 * the same repository lands in the same shard whatever the order or spelling of SOURCE, on every machine.
 *
 * <p>Shards count from 0, like {@code JOB_COMPLETION_INDEX}: {@code --shard 0/8} to {@code --shard 7/8}. Given
 * only {@code N} ({@code --shard 8}), the index is read from {@code JOB_COMPLETION_INDEX}.
 */
public final class Shards {
    /** The variable Kubernetes sets in each pod of an Indexed Job. */
    public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
    private static final Pattern SPEC = Pattern.compile("\\s*(?:(\\d{1,9})\\s*/\\s*)?(\\d{1,9})\\s*");

    /** One shard of {@code count}, counted from 0. */
    public record Shard(int index, int count) {
        public Shard {
            if (count < 1) {
                throw new ProvgateException("--shard: the number of shards must be at least 1, not " + count);
            }
            if (index < 0 || index >= count) {
                throw new ProvgateException("--shard: shard " + index + " is outside 0.." + (count - 1)
                        + " (shards count from 0, like JOB_COMPLETION_INDEX)");
            }
        }

        /** Every target, for a run without {@code --shard}. */
        public static final Shard ALL = new Shard(0, 1);

        public List<ScanTarget> select(List<ScanTarget> all) {
            return Shards.select(all, index, count);
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    private Shards() {
    }

    /** The targets in shard {@code index} of {@code count}, in the order given. */
    public static List<ScanTarget> select(List<ScanTarget> all, int index, int count) {
        new Shard(index, count);
        return all.stream().filter(t -> shardOf(t.id(), count) == index).toList();
    }

    /** The shard (0 to count - 1) the repository with this id belongs to. */
    public static int shardOf(String id, int count) {
        return (int) Long.remainderUnsigned(hash(id), count);
    }

    /**
     * Parses {@code --shard}: {@code I/N}, or {@code N} alone with the index taken from {@code JOB_COMPLETION_INDEX}
     * in {@code environment}.
     */
    public static Shard parse(String spec, Map<String, String> environment) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new ProvgateException("--shard: expected I/N (such as 0/8) or N with " + INDEX_VARIABLE
                    + " set, not '" + spec + "'");
        }
        int count = Integer.parseInt(m.group(2));
        if (m.group(1) != null) {
            return new Shard(Integer.parseInt(m.group(1)), count);
        }
        String index = environment.get(INDEX_VARIABLE);
        if (index == null || index.isBlank()) {
            throw new ProvgateException("--shard " + spec.trim() + ": no shard index; give I/" + count + " or set "
                    + INDEX_VARIABLE);
        }
        if (!index.trim().matches("\\d{1,9}")) {
            throw new ProvgateException(INDEX_VARIABLE + " is '" + index + "', not a shard number");
        }
        return new Shard(Integer.parseInt(index.trim()), count);
    }

    private static long hash(String id) {
        return ByteBuffer.wrap(sha256(id)).getLong();
    }

    static byte[] sha256(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
