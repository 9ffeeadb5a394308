// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.model.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The intervals of a repository's refs: each run of a ref's history during which it locked a package version.
 *
 * <p>A ref's own line is its first-parent chain: a version appearing there opens a run (introduced by the state's
 * origin; when that is not the chain commit itself, the chain commit is the merge that brought it), and its
 * disappearance closes it. Each merge's other parents lead to a line of commits not reached before (the merged
 * branch, even when that branch was deleted since): runs that open and close there are reported on this ref too,
 * with that merge, so a version bumped in and rolled back on a branch before it was merged is not lost.
 *
 * <p>Refs are derived in order and each commit belongs to the first ref that reaches it, so shared history is
 * reported once: a later ref's line starts where it forked, and the versions it held at the fork are carried on
 * that ref (introduced where they were) until it drops them, so a branch that still holds a version another branch
 * removed says so.
 */
final class RefIntervals {
    private final LockfileStates states;
    private final Set<RevCommit> claimed = new HashSet<>();
    private List<Interval> out;
    private String ref;

    RefIntervals(LockfileStates states) {
        this.states = states;
    }

    /** One ref's intervals, in the order its runs closed; call in the order refs take precedence. */
    List<Interval> derive(String refName, RevCommit tip) {
        this.ref = refName;
        this.out = new ArrayList<>();
        List<RevCommit> line = claimLine(tip);
        LockfileState before = line.isEmpty() ? states.state(tip) : parentState(line.get(0));
        Map<String, Run> inherited = new TreeMap<>();
        before.held().forEach((purl, h) -> inherited.put(purl, new Run(h, null, h)));
        Map<String, Run> open = walk(line, before, null, inherited);
        open.values().forEach(run -> close(run, null));
        return List.copyOf(out);
    }

    private record Run(LockfileState.Held held, RevCommit merge, LockfileState.Held latest) {
        Run at(LockfileState.Held now) {
            return new Run(held, merge, now);
        }
    }

    /** The first-parent chain from {@code tip} back to a commit already claimed (or the root), oldest first. */
    private List<RevCommit> claimLine(RevCommit tip) {
        List<RevCommit> line = new ArrayList<>();
        RevCommit c = tip;
        while (c != null && states.contains(c) && claimed.add(c)) {
            line.add(c);
            c = c.getParentCount() == 0 ? null : c.getParent(0);
        }
        Collections.reverse(line);
        return line;
    }

    /**
     * Walks one line from the state before its first commit; {@code merge} is null on the ref's own line, else the
     * merge on that line through which this one was merged. Returns the runs still open at the line's end.
     */
    private Map<String, Run> walk(List<RevCommit> line, LockfileState before, RevCommit merge,
                                  Map<String, Run> inherited) {
        Map<String, Run> open = new TreeMap<>(inherited);
        LockfileState prev = before;
        for (RevCommit c : line) {
            for (int k = 1; k < c.getParentCount(); k++) {
                mergedLine(c.getParent(k), c, merge == null ? c : merge);
            }
            LockfileState now = states.state(c);
            if (now == prev) {
                continue;
            }
            for (String purl : prev.held().keySet()) {
                if (!now.held().containsKey(purl) && open.containsKey(purl)) {
                    close(open.remove(purl), c);
                }
            }
            for (Map.Entry<String, LockfileState.Held> e : now.held().entrySet()) {
                Run run = open.get(e.getKey());
                if (run != null) {
                    open.put(e.getKey(), run.at(e.getValue()));
                } else if (!prev.held().containsKey(e.getKey())) {
                    LockfileState.Held h = e.getValue();
                    RevCommit through = merge != null ? merge : h.origin().equals(c) ? null : c;
                    open.put(e.getKey(), new Run(h, through, h));
                }
            }
            prev = now;
        }
        return open;
    }

    /** The line merged by {@code mergeCommit} through its parent {@code parent}; runs end there or at the merge. */
    private void mergedLine(RevCommit parent, RevCommit mergeCommit, RevCommit throughMerge) {
        List<RevCommit> line = claimLine(parent);
        if (line.isEmpty()) {
            return;
        }
        Map<String, Run> open = walk(line, parentState(line.get(0)), throughMerge, Map.of());
        LockfileState merged = states.state(mergeCommit);
        open.forEach((purl, run) -> {
            if (!merged.held().containsKey(purl)) {
                close(run, mergeCommit);
            }
        });
    }

    private LockfileState parentState(RevCommit first) {
        return first.getParentCount() == 0 ? LockfileState.EMPTY : states.state(first.getParent(0));
    }

    private void close(Run run, RevCommit removed) {
        RevCommit origin = run.held().origin();
        out.add(new Interval(ref, run.held().pkg().purl(), run.held().pkg().pkg(), run.held().pkg().version(),
                run.latest().lockfile(), run.latest().pkg().line(), origin.name(),
                run.merge() == null ? null : run.merge().name(), removed == null ? null : removed.name(),
                origin.getCommitTime(), removed == null ? null : (long) removed.getCommitTime()));
    }
}
