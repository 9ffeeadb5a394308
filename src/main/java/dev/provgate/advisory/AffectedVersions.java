// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.advisory.version.VersionScheme;
import dev.provgate.model.Ecosystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a version is in an {@code affected} entry, exactly as OSV defines it: in the {@code versions} list,
 * or inside an ECOSYSTEM range (the ecosystem's own version rules) or a SEMVER range (SemVer ordering). GIT ranges
 * name commits and are ignored for registry versions. The list and the ranges are a union: either one suffices.
 */
public final class AffectedVersions {
    /** The answer; UNDECIDABLE when the version does not parse and only a range could have said. */
    public enum Outcome { AFFECTED, NOT_AFFECTED, UNDECIDABLE }

    private AffectedVersions() {
    }

    public static Outcome evaluate(OsvAffected affected, Ecosystem ecosystem, String version) {
        VersionScheme<?> scheme = VersionScheme.forEcosystem(ecosystem);
        if (affected.coversEveryVersion() || affected.versions().stream().anyMatch(v -> scheme.same(v, version))) {
            return Outcome.AFFECTED;
        }
        Outcome outcome = Outcome.NOT_AFFECTED;
        for (OsvRange range : affected.ranges()) {
            if (!range.isVersionRange()) {
                continue;
            }
            VersionScheme<?> rules = range.type().equals("SEMVER") ? VersionScheme.SEMVER : scheme;
            Outcome o = inRange(rules, range.events(), version);
            if (o == Outcome.AFFECTED) {
                return o;
            }
            if (o == Outcome.UNDECIDABLE) {
                outcome = o;
            }
        }
        return outcome;
    }

    /** Listed versions that no version range covers (the list and the ranges disagree); empty when they agree. */
    public static List<String> listedOutsideRanges(OsvAffected affected, Ecosystem ecosystem) {
        OsvAffected rangesOnly = new OsvAffected(affected.ecosystem(), affected.name(), List.of(), affected.ranges());
        if (affected.ranges().stream().noneMatch(OsvRange::isVersionRange)) {
            return List.of();
        }
        return affected.versions().stream()
                .filter(v -> evaluate(rangesOnly, ecosystem, v) == Outcome.NOT_AFFECTED)
                .toList();
    }

    private static <V extends Comparable<V>> Outcome inRange(VersionScheme<V> scheme, List<OsvEvent> events,
                                                             String version) {
        Optional<V> candidate = scheme.parse(version);
        List<Bound<V>> bounds = new ArrayList<>();
        for (OsvEvent e : events) {
            if (e.isUnlimited()) {
                continue;
            }
            Optional<V> at = e.isFromTheStart() ? Optional.empty() : scheme.parse(e.version());
            if (candidate.isEmpty() || (at.isEmpty() && !e.isFromTheStart())) {
                return exactOnly(events, version);
            }
            bounds.add(new Bound<>(e.kind(), at.orElse(null)));
        }
        V v = candidate.orElseThrow();
        List<Bound<V>> limits = bounds.stream().filter(b -> b.kind == OsvEvent.Kind.LIMIT).toList();
        if (!limits.isEmpty() && limits.stream().noneMatch(b -> v.compareTo(b.at) < 0)) {
            return Outcome.NOT_AFFECTED;
        }
        boolean affected = false;
        for (Bound<V> b : bounds.stream().filter(b -> b.kind != OsvEvent.Kind.LIMIT).sorted(Bound.order()).toList()) {
            switch (b.kind) {
                case INTRODUCED -> affected |= b.at == null || v.compareTo(b.at) >= 0;
                case FIXED -> affected &= v.compareTo(b.at) < 0;
                case LAST_AFFECTED -> affected &= v.compareTo(b.at) <= 0;
                default -> throw new IllegalStateException(b.kind.toString());
            }
        }
        return affected ? Outcome.AFFECTED : Outcome.NOT_AFFECTED;
    }

    /** A version (or bound) that does not parse: only an event naming exactly this version can decide. */
    private static Outcome exactOnly(List<OsvEvent> events, String version) {
        boolean named = events.stream().anyMatch(e -> e.version().equals(version)
                && (e.kind() == OsvEvent.Kind.INTRODUCED || e.kind() == OsvEvent.Kind.LAST_AFFECTED));
        return named ? Outcome.AFFECTED : Outcome.UNDECIDABLE;
    }

    /** An event with its parsed version; {@code at} is null for {@code introduced: 0}. */
    private record Bound<V extends Comparable<V>>(OsvEvent.Kind kind, V at) {
        /** By version, introduced 0 first; at equal versions introduced before the closing events. */
        static <V extends Comparable<V>> Comparator<Bound<V>> order() {
            return (a, b) -> {
                if (a.at == null || b.at == null) {
                    return Boolean.compare(a.at != null, b.at != null);
                }
                int c = a.at.compareTo(b.at);
                return c != 0 ? c : Boolean.compare(a.kind != OsvEvent.Kind.INTRODUCED,
                        b.kind != OsvEvent.Kind.INTRODUCED);
            };
        }
    }
}
