// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import dev.provgate.model.CommitInfo;
import dev.provgate.model.Interval;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one scan of one repository wrote, stored in one transaction.
 *
 * @param id        stable identity (normalised clone URL or real path)
 * @param location  what to show
 * @param truncated a shallow clone: history before its boundary is missing, introduction times are lower bounds
 * @param tips      every scanned ref's tip
 * @param rederived refs whose intervals replace the stored ones (refs whose tip moved, or new refs)
 * @param removed   refs the store knew that are gone: their rows are deleted
 */
public record RepositoryScan(String id, String location, boolean truncated, Map<String, String> tips,
                             Set<String> rederived, Set<String> removed, List<Interval> intervals,
                             List<CommitInfo> commits, List<LockfileChange> changes, List<ParsedBlob> blobs) {
    public RepositoryScan {
        tips = Map.copyOf(tips);
        rederived = Set.copyOf(rederived);
        removed = Set.copyOf(removed);
        intervals = List.copyOf(intervals);
        commits = List.copyOf(commits);
        changes = List.copyOf(changes);
        blobs = List.copyOf(blobs);
    }
}
