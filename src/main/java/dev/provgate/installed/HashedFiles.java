// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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
