// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

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

    /** The outcomes in the order of the jobs (so the same listing gives the same order). */
    static Map<String, Outcome> hash(List<Job> jobs, long maxBytes) {
        Outcome[] outcomes = new Outcome[jobs.size()];
        IntStream.range(0, jobs.size()).parallel().forEach(i -> outcomes[i] = hash(jobs.get(i), maxBytes));
        Map<String, Outcome> out = new LinkedHashMap<>(jobs.size() * 2);
        for (int i = 0; i < outcomes.length; i++) {
            out.put(jobs.get(i).key(), outcomes[i]);
        }
        return out;
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
