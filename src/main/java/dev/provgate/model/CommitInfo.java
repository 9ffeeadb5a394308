// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.time.Instant;
import java.util.List;

/**
 * A commit as org-wide history scans record it. Times are epoch seconds; offsets, minutes east of UTC as the commit recorded them.
 */
public record CommitInfo(String sha, List<String> parents, String authorName, String authorEmail, long authorTime,
                         int authorOffset, String committerName, String committerEmail, long commitTime,
                         int commitOffset, String subject) {
    public CommitInfo {
        parents = List.copyOf(parents);
    }

    public Instant committed() {
        return Instant.ofEpochSecond(commitTime);
    }

    /** {@code Name <email>}. */
    public String author() {
        return authorName + " <" + authorEmail + ">";
    }

    public String committer() {
        return committerName + " <" + committerEmail + ">";
    }
}
