// SPDX-License-Identifier: Apache-2.0
package dev.provgate.diff;

import dev.provgate.advisory.version.VersionScheme;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what two versions of one lockfile lock, by what is locked: the version, the locked digests and the
 * source, never by name and version alone. The one comparison behind {@code provgate diff} and
 * {@code check --baseline / --staged / --freeze}.
 */
public final class InventoryComparison {
    private static final int SHOWN_HEX = 16;

    private final Function<Component, String> tierOf;

    /** @param tierOf the trust tier of a component, or "" when no policy applies (no tier changes then) */
    public InventoryComparison(Function<Component, String> tierOf) {
        this.tierOf = tierOf;
    }

    /** Without a policy: tiers are not compared. */
    public static InventoryComparison withoutTiers() {
        return new InventoryComparison(c -> "");
    }

    /**
     * @param path   the lockfile as shown to the user
     * @param inBase whether the base had this lockfile (otherwise {@code base} is empty and everything is added)
     */
    public LockfileDiff compare(String path, boolean inBase, Collection<Component> base, Collection<Component> head) {
        LockedEntries before = new LockedEntries(base);
        LockedEntries after = new LockedEntries(head);
        Set<String> packages = new TreeSet<>(before.packages());
        packages.addAll(after.packages());
        List<PackageChange> changes = new ArrayList<>();
        Set<String> unchanged = new HashSet<>();
        for (String pkg : packages) {
            Map<String, LockedEntries.Entry> was = before.versions(pkg);
            Map<String, LockedEntries.Entry> is = after.versions(pkg);
            for (Map.Entry<String, LockedEntries.Entry> v : is.entrySet()) {
                LockedEntries.Entry old = was.get(v.getKey());
                if (old != null && sameVersion(old, v.getValue(), changes)) {
                    unchanged.addAll(v.getValue().purls());
                }
            }
            Ecosystem ecosystem = (is.isEmpty() ? was : is).values().iterator().next().first().ecosystem();
            moved(versionOrder(ecosystem), was, is, changes);
        }
        return new LockfileDiff(path, inBase, changes, unchanged);
    }

    /** Every lockfile compared with nothing (a first commit): every package added. */
    public Comparison againstNothing(String base, Inventory head) {
        return compare(base, new Inventory(List.of()), head, key -> key, key -> key, false);
    }

    /**
     * Two inventories, lockfile by lockfile: a base and a head lockfile are the same file when {@code baseKey} and
     * {@code headKey} give the same key for their paths (a repository path).
     *
     * @param withDeleted whether a lockfile only the base has is listed (every package removed); {@code check}
     *                    compares only what it checks, {@code diff} shows everything
     */
    public Comparison compare(String baseName, Inventory base, Inventory head, Function<String, String> baseKey,
                              Function<String, String> headKey, boolean withDeleted) {
        Map<String, LockfileInventory> was = new LinkedHashMap<>();
        base.lockfiles().forEach(l -> was.put(baseKey.apply(l.path()), l));
        List<LockfileDiff> diffs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LockfileInventory now : head.lockfiles()) {
            String key = headKey.apply(now.path());
            seen.add(key);
            LockfileInventory old = was.get(key);
            diffs.add(compare(now.path(), old != null, old == null ? List.of() : old.components(),
                    now.components()));
        }
        List<Component> baseComponents = new ArrayList<>();
        was.forEach((key, old) -> {
            if (seen.contains(key)) {
                baseComponents.addAll(old.components());
            } else if (withDeleted) {
                diffs.add(compare(old.path(), true, old.components(), List.of()));
                baseComponents.addAll(old.components());
            }
        });
        return new Comparison(baseName, baseComponents, diffs);
    }

    /** Adds the digest, source and tier changes of one version locked on both sides; true when nothing moved. */
    private boolean sameVersion(LockedEntries.Entry old, LockedEntries.Entry now, List<PackageChange> changes) {
        boolean same = true;
        String digests = newDigests(old, now);
        if (!digests.isEmpty()) {
            changes.add(new PackageChange(ChangeKind.DIGEST_CHANGED, old.first(), now.first(), digests));
            same = false;
        }
        if (!old.sources().containsAll(now.sources())) {
            changes.add(new PackageChange(ChangeKind.SOURCE_CHANGED, old.first(), now.first(),
                    sources(old.sources()) + " -> " + sources(now.sources())));
            same = false;
        }
        tierChange(old.first(), now.first()).ifPresent(changes::add);
        return same;
    }

    /**
     * The head's digests the base did not lock, for the algorithms the base recorded. When the two sides share no
     * algorithm, a move to a stronger one (npm's sha1 to sha512 when a lockfile is regenerated) cannot be compared
     * and is no change; a move to a weaker or equal one counts every head digest as new (a downgrade of algorithm
     * must not hide a swap of file).
     */
    static String newDigests(LockedEntries.Entry old, LockedEntries.Entry now) {
        if (old.digests().isEmpty() || now.digests().isEmpty()) {
            return "";
        }
        Set<HashAlgorithm> recorded = old.algorithms();
        boolean comparable = now.algorithms().stream().anyMatch(recorded::contains);
        if (!comparable && strongest(now.algorithms()).compareTo(strongest(recorded)) > 0) {
            return "";
        }
        List<Hash> added = now.digests().stream()
                .filter(h -> !comparable || recorded.contains(h.algorithm()))
                .filter(h -> !old.digests().contains(h)).sorted().toList();
        return added.isEmpty() ? "" : "new " + shown(added) + ", locked before: " + shown(old.digests());
    }

    private static HashAlgorithm strongest(Set<HashAlgorithm> algorithms) {
        return algorithms.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * Versions only on one side: paired from the highest down as upgrades or downgrades (the newest copy is the one
     * that usually moves), the rest added or removed.
     */
    private void moved(Comparator<String> order, Map<String, LockedEntries.Entry> was,
                       Map<String, LockedEntries.Entry> is, List<PackageChange> changes) {
        List<LockedEntries.Entry> gone = only(order.reversed(), was, is);
        List<LockedEntries.Entry> come = only(order.reversed(), is, was);
        int paired = Math.min(gone.size(), come.size());
        for (int i = 0; i < paired; i++) {
            Component old = gone.get(i).first();
            Component now = come.get(i).first();
            ChangeKind kind = order.compare(old.version(), now.version()) <= 0
                    ? ChangeKind.UPGRADED : ChangeKind.DOWNGRADED;
            changes.add(new PackageChange(kind, old, now, ""));
            tierChange(old, now).ifPresent(changes::add);
        }
        come.subList(paired, come.size()).forEach(e -> changes.add(
                new PackageChange(ChangeKind.ADDED, null, e.first(), "")));
        gone.subList(paired, gone.size()).forEach(e -> changes.add(
                new PackageChange(ChangeKind.REMOVED, e.first(), null, "")));
    }

    private Optional<PackageChange> tierChange(Component old, Component now) {
        String was = tierOf.apply(old);
        String is = tierOf.apply(now);
        return was.isEmpty() || is.isEmpty() || was.equals(is) ? Optional.empty()
                : Optional.of(new PackageChange(ChangeKind.TIER_CHANGED, old, now, was + " -> " + is));
    }

    private static List<LockedEntries.Entry> only(Comparator<String> order, Map<String, LockedEntries.Entry> side,
                                                  Map<String, LockedEntries.Entry> other) {
        return side.entrySet().stream().filter(e -> !other.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey(order))
                .map(Map.Entry::getValue).toList();
    }

    /** The ecosystem's version order; strings it cannot parse sort after those it can, then as text. */
    static Comparator<String> versionOrder(Ecosystem ecosystem) {
        VersionScheme<?> scheme = VersionScheme.forEcosystem(ecosystem);
        return (a, b) -> compare(scheme, a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(VersionScheme<?> scheme, String a, String b) {
        Optional<? extends Comparable> pa = scheme.parse(a);
        Optional<? extends Comparable> pb = scheme.parse(b);
        if (pa.isPresent() && pb.isPresent()) {
            int c = pa.get().compareTo(pb.get());
            return c != 0 ? c : a.compareTo(b);
        }
        if (pa.isPresent() != pb.isPresent()) {
            return pa.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static String shown(Collection<Hash> digests) {
        return digests.stream().sorted().map(h -> h.algorithm().cyclonedxName().toLowerCase(Locale.ROOT)
                .replace("-", "") + ":" + h.hex().substring(0, Math.min(SHOWN_HEX, h.hex().length())) + "...")
                .collect(Collectors.joining(", "));
    }

    private static String sources(Set<Source> sources) {
        return sources.stream().map(s -> s.url().isEmpty() ? s.kind().label() : s.kind().label() + " " + s.url())
                .sorted().collect(Collectors.joining(", "));
    }
}
