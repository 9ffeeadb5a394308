// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Hashes many files at once, on every core, each streamed; files over the size bound are not read. */
final class HashedFiles {
    /**
     * A file to hash.
     *
     * @param key       how the caller names it (the path relative to the root)
     * @param path      the file
     * @param size      its size as listed
     * @param algorithm RECORD's algorithm for it, or empty
     */
    record Job(String key, Path path, long size, String algorithm) {
    }

    /** Digests, or why there are none. */
    record Outcome(FileDigests.Digests digests, String problem) {
        boolean hashed() {
            return digests != null;
        }
    }

    private HashedFiles() {
    }

    /** One job per listed file; {@code algorithmOf} gives RECORD's algorithm for a path, or empty. */
    static List<Job> jobs(TreeListing listing, Function<String, String> algorithmOf) {
        List<Job> jobs = new ArrayList<>(listing.files().size());
        listing.files().forEach((rel, size) -> jobs.add(new Job(rel, listing.root().resolve(rel), size,
                algorithmOf.apply(rel))));
        return jobs;
    }

    static int count(Map<String, Outcome> hashed) {
        return (int) hashed.values().stream().filter(Outcome::hashed).count();
    }

    static Map<String, Outcome> hash(List<Job> jobs, long maxBytes) {
        Map<String, Outcome> out = new ConcurrentHashMap<>();
        jobs.parallelStream().forEach(job -> out.put(job.key(), hash(job, maxBytes)));
        return new TreeMap<>(out);
    }

    private static Outcome hash(Job job, long maxBytes) {
        if (job.size() > maxBytes) {
            return new Outcome(null, "larger than the " + maxBytes + "-byte bound (--max-file-size), not read");
        }
        try {
            return new Outcome(FileDigests.of(job.path(), job.algorithm()), "");
        } catch (IOException e) {
            return new Outcome(null, "cannot read: " + e.getMessage());
        }
    }
}
