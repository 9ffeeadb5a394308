// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.model.AdvisoryMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds the matches of one component into one per incident. Records belong to one incident when their ids and
 * aliases connect (MAL-2026-2144 names PYSEC-2026-2), directly or through others, or when they list the same
 * known-bad file digest (the LiteLLM wheels are listed by MAL-2026-2144, PYSEC-2026-2 and GHSA-5mg7-485q-xm76).
 * The folded match takes the MAL- id if there is one, else the GHSA- id, else the lowest id (a record without id is
 * known by its file name, used only when nothing else names it); the other ids become aliases; the basis is the
 * strongest, malicious if any record says so, and the summary and remediation come from the strongest match that
 * names the most version bounds.
 */
final class Incidents {
    /** One record's match, with how many version bounds its remediation names. */
    record Candidate(OsvRecord record, AdvisoryMatch match, int specificity) {
        private Set<String> keys() {
            Set<String> keys = new HashSet<>();
            keys.add(record.id().toUpperCase(Locale.ROOT));
            record.aliases().forEach(a -> keys.add(a.toUpperCase(Locale.ROOT)));
            record.digests().forEach(d -> keys.add("sha256:" + d.sha256()));
            return keys;
        }
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingInt((Candidate c) -> strength(c.match())).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::specificity).reversed())
            .thenComparing(c -> c.record().id());

    private Incidents() {
    }

    /** One match per incident, sorted by id. */
    static List<AdvisoryMatch> fold(List<Candidate> candidates) {
        List<Set<String>> keys = new ArrayList<>();
        List<List<Candidate>> groups = new ArrayList<>();
        for (Candidate c : candidates) {
            Set<String> mine = c.keys();
            List<Candidate> members = new ArrayList<>(List.of(c));
            for (int g = groups.size() - 1; g >= 0; g--) {
                if (keys.get(g).stream().anyMatch(mine::contains)) {
                    mine.addAll(keys.remove(g));
                    members.addAll(groups.remove(g));
                }
            }
            keys.add(mine);
            groups.add(members);
        }
        return groups.stream().map(Incidents::merge).sorted(Comparator.comparing(AdvisoryMatch::advisoryId)).toList();
    }

    private static AdvisoryMatch merge(List<Candidate> group) {
        Candidate best = group.stream().min(BEST_FIRST).orElseThrow();
        // Case-insensitive sets: a record's own spelling of its id is added first, and kept.
        Set<String> ids = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Candidate c : group) {
            ids.add(c.record().id());
            if (!c.record().idMissing()) {
                named.add(c.record().id());
            }
        }
        for (Candidate c : group) {
            ids.addAll(c.record().aliases());
            named.addAll(c.record().aliases());
        }
        String id = primary(named.isEmpty() ? ids : named);
        ids.remove(id);
        boolean malicious = group.stream().anyMatch(c -> c.match().malicious());
        AdvisoryMatch m = best.match();
        return new AdvisoryMatch(id, List.copyOf(ids), m.summary(), m.basis(), m.remediation(), malicious);
    }

    private static String primary(Set<String> sortedIds) {
        return sortedIds.stream().filter(i -> i.startsWith("MAL-")).findFirst()
                .or(() -> sortedIds.stream().filter(i -> i.startsWith("GHSA-")).findFirst())
                .orElse(sortedIds.iterator().next());
    }

    static int strength(AdvisoryMatch m) {
        return switch (m.basis()) {
            case HASH -> 2;
            case VERSION -> 1;
            case NAME_ONLY -> 0;
        };
    }
}
