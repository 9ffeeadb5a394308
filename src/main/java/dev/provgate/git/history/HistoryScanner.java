// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.lockfile.maven.PomParser;
import dev.provgate.model.CommitInfo;
import dev.provgate.model.Interval;
import dev.provgate.model.ProvgateException;
import dev.provgate.store.InventoryStore;
import dev.provgate.store.RepositoryScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Scans one repository's history into the store's terms: every selected ref, every commit that changed a
 * lockfile (merges included), the intervals per ref and package. Reads objects only: no checkout, no git process.
 * When no ref moved since the store's last scan, nothing is read but the refs; when one did, only commits the last
 * scan did not walk are compared with their parent (the others' lockfile changes come from the store), and a lockfile
 * blob the store knows is never parsed again.
 */
public final class HistoryScanner {
    private final List<LockfileParser> parsers;
    private final RefPatterns refs;

    public HistoryScanner(List<LockfileParser> parsers, RefPatterns refs) {
        this.parsers = List.copyOf(parsers);
        this.refs = refs;
    }

    /**
     * The parsers a history scan uses: every lockfile format, but not pom.xml, whose resolution reads files beside
     * it and may need the network (a POM is a build file, not a record of what was locked).
     */
    public static List<LockfileParser> lockfileParsers() {
        return LockfileParsers.all().stream().filter(p -> !(p instanceof PomParser)).toList();
    }

    /**
     * What one scan found.
     *
     * @param unchanged no ref moved since the store's last scan: nothing was walked
     * @param commits   commits walked
     * @param diffed    of those, commits no earlier scan had walked: compared with their parent's tree
     * @param headKnown HEAD names a branch or a commit; when not (a garbage HEAD in a bare repository), every
     *                  selected ref is still scanned, but none is known as the default branch
     */
    public record Outcome(RepositoryScan scan, boolean unchanged, int refs, int commits, int diffed,
                          boolean headKnown) {
    }

    /**
     * Scans and returns what to store; the caller writes it (one transaction). A repository without any ref the
     * patterns select is an input error, as is anything unreadable (missing or corrupt objects).
     */
    public Outcome scan(ScanTarget target, InventoryStore store) {
        String location = target.location();
        try (Repository repo = open(target)) {
            return scan(repo, target.id(), location, store);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProvgateException p) {
                throw p;
            }
            throw new ProvgateException(location, 0, "cannot read the repository: " + describe(e), e);
        }
    }

    private Outcome scan(Repository repo, String id, String location, InventoryStore store) throws IOException {
        Map<String, String> stored = store.tips(id);
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            // Compared as the refs store them (a tag's own id), so an unchanged repository reads no object at all.
            Map<String, String> tipNames = selectedRefs(repo, location);
            Set<String> removed = new TreeSet<>();
            stored.keySet().stream().filter(r -> refs.matches(r) && !tipNames.containsKey(r)).forEach(removed::add);
            boolean moved = tipNames.entrySet().stream().anyMatch(t -> !t.getValue().equals(stored.get(t.getKey())));
            boolean truncated = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            if (!moved) {
                RepositoryScan scan = new RepositoryScan(id, location, truncated, tipNames, Set.of(), removed,
                        List.of(), List.of(), List.of(), List.of());
                return new Outcome(scan, removed.isEmpty(), tipNames.size(), 0, 0, headKnown(repo));
            }
            Map<String, RevCommit> tips = peeledTips(walk, tipNames, location);
            LockfilePathFilter paths = new LockfilePathFilter(parsers);
            BlobPackages blobs = new BlobPackages(store, reader);
            LockfileStates states = new LockfileStates(reader, paths, blobs);
            RevFlag walkedBefore = walk.newFlag("walked before");
            Map<String, Map<String, String>> known = markWalkedBefore(walk, stored.values(), walkedBefore, store, id);
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            for (RevCommit tip : tips.values()) {
                walk.markStart(tip);
            }
            int walked = 0;
            for (RevCommit c = walk.next(); c != null; c = walk.next()) {
                states.add(c, c.has(walkedBefore) ? known.getOrDefault(c.name(), Map.of()) : null);
                walked++;
            }
            // Which ref a shared commit is reported on depends on every ref, so all are derived again together.
            RefIntervals derivation = new RefIntervals(states);
            List<Interval> intervals = new ArrayList<>();
            Set<RevCommit> derivedTips = new HashSet<>();
            for (String ref : precedence(repo, tips.keySet())) {
                // A ref at the same commit as one before it (a clone's origin/main beside main) would repeat it.
                if (derivedTips.add(tips.get(ref))) {
                    intervals.addAll(derivation.derive(ref, tips.get(ref)));
                }
            }
            RepositoryScan scan = new RepositoryScan(id, location, truncated, tipNames, tips.keySet(), removed,
                    intervals, commits(walk, states, intervals), states.changes(), blobs.parsed());
            return new Outcome(scan, false, tipNames.size(), walked, states.diffed(), headKnown(repo));
        }
    }

    /**
     * Flags the commits an earlier scan walked (those reachable from the tips it stored, when they are still in the
     * repository) and returns the lockfile changes it stored for them; reading commits is cheap, comparing trees is
     * what a known commit is spared.
     */
    private static Map<String, Map<String, String>> markWalkedBefore(RevWalk walk, Collection<String> oldTips,
                                                                     RevFlag flag, InventoryStore store, String id)
            throws IOException {
        boolean any = false;
        for (String tip : new TreeSet<>(oldTips)) {
            try {
                RevObject target = walk.peel(walk.parseAny(ObjectId.fromString(tip)));
                if (target instanceof RevCommit commit) {
                    walk.markStart(commit);
                    any = true;
                }
            } catch (MissingObjectException e) {
                // A tip force-pushed away and collected: its commits are new to compare, if still reachable.
            }
        }
        if (!any) {
            return Map.of();
        }
        for (RevCommit c = walk.next(); c != null; c = walk.next()) {
            c.add(flag);
        }
        walk.resetRetain(flag);
        return store.lockfileChanges(id);
    }

    private static boolean headKnown(Repository repo) {
        try {
            Ref head = repo.exactRef(Constants.HEAD);
            return head != null && (head.isSymbolic() || head.getObjectId() != null);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** HEAD's branch first, then branches, remote-tracking branches and tags, each by name. */
    private static List<String> precedence(Repository repo, Set<String> refs) throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        String primary = head != null && head.isSymbolic() ? head.getTarget().getName() : "";
        List<String> kinds = List.of(Constants.R_HEADS, Constants.R_REMOTES, Constants.R_TAGS);
        return refs.stream().sorted(Comparator.comparing((String r) -> !r.equals(primary))
                .thenComparing(r -> kinds.stream().filter(r::startsWith).findFirst().map(kinds::indexOf).orElse(3))
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** The selected refs and the object each names; none is an input error (skipped, not failed). */
    private Map<String, String> selectedRefs(Repository repo, String location) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
            if (!ref.isSymbolic() && refs.matches(ref.getName()) && ref.getObjectId() != null) {
                out.put(ref.getName(), ref.getObjectId().name());
            }
        }
        if (out.isEmpty()) {
            boolean empty = repo.resolve(Constants.HEAD) == null && repo.getRefDatabase().getRefs().isEmpty();
            throw new NothingToScanException(location, empty ? "empty repository: no commits"
                    : "no ref matches " + refs);
        }
        return out;
    }

    /** The commit each ref leads to (annotated tags peeled); refs to anything else are left out. */
    private Map<String, RevCommit> peeledTips(RevWalk walk, Map<String, String> refTargets, String location)
            throws IOException {
        Map<String, RevCommit> tips = new TreeMap<>();
        for (Map.Entry<String, String> ref : refTargets.entrySet()) {
            RevObject target = walk.peel(walk.parseAny(ObjectId.fromString(ref.getValue())));
            if (target instanceof RevCommit commit) {
                tips.put(ref.getKey(), commit);
            }
        }
        if (tips.isEmpty()) {
            throw new NothingToScanException(location, "no ref matching " + refs + " leads to a commit");
        }
        return tips;
    }

    private static List<CommitInfo> commits(RevWalk walk, LockfileStates states, List<Interval> intervals)
            throws IOException {
        Set<String> wanted = new HashSet<>();
        states.changing().forEach(c -> wanted.add(c.name()));
        for (Interval i : intervals) {
            wanted.add(i.introduced());
            if (i.merge() != null) {
                wanted.add(i.merge());
            }
            if (i.removed() != null) {
                wanted.add(i.removed());
            }
        }
        List<CommitInfo> out = new ArrayList<>();
        for (String sha : new TreeSet<>(wanted)) {
            out.add(info(walk.parseCommit(ObjectId.fromString(sha))));
        }
        return out;
    }

    static CommitInfo info(RevCommit c) {
        PersonIdent author = c.getAuthorIdent();
        PersonIdent committer = c.getCommitterIdent();
        List<String> parents = new ArrayList<>();
        for (RevCommit p : c.getParents()) {
            parents.add(p.name());
        }
        return new CommitInfo(c.name(), parents, author.getName(), author.getEmailAddress(),
                author.getWhenAsInstant().getEpochSecond(), author.getZoneOffset().getTotalSeconds() / 60,
                committer.getName(), committer.getEmailAddress(), c.getCommitTime(),
                committer.getZoneOffset().getTotalSeconds() / 60, c.getShortMessage());
    }

    private static Repository open(ScanTarget target) {
        try {
            return target.open();
        } catch (RepositoryNotFoundException e) {
            throw new ProvgateException(target.location(), 0, "not a git repository");
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvgateException(target.location(), 0, "cannot open the git repository: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof MissingObjectException missing) {
            return "missing object " + missing.getObjectId().name() + " (the repository is corrupt or incomplete)";
        }
        if (e instanceof CorruptObjectException) {
            return "corrupt object: " + e.getMessage();
        }
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
