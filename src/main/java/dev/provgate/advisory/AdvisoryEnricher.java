// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.advisory.AffectedVersions.Outcome;
import dev.provgate.advisory.Incidents.Candidate;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.Component;
import dev.provgate.model.Enricher;
import dev.provgate.model.Evidence;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Advisory evidence per component, one {@link AdvisoryMatch} per incident (records whose ids, aliases or known-bad
 * file digests connect are folded into one, see {@link Incidents}): HASH when a locked SHA-256 equals a
 * known-bad file digest (whatever the version says), VERSION when a registry component's version is affected,
 * NAME_ONLY when the component only shares the name (git, URL or path source: the remediation says where it comes
 * from; or a registry component with no version, or a version that cannot be compared with the record's ranges: the
 * summary says so). Summaries are facts from the record ("malicious code in litellm 1.82.7, 1.82.8"). Withdrawn
 * records never match.
 */
public final class AdvisoryEnricher implements Enricher {
    private final AdvisoryDatabase db;

    public AdvisoryEnricher(AdvisoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<Evidence> evidenceFor(Component c) {
        Map<String, Candidate> byId = new TreeMap<>();
        for (AdvisoryIndex.Hit hit : db.lookup(c.ecosystem(), c.name())) {
            OsvRecord r = hit.stored().record();
            if (!r.isWithdrawn()) {
                byVersion(c, r, hit.affected()).ifPresent(m -> keepStrongest(byId, m));
            }
        }
        for (Hash h : c.hashes()) {
            if (h.algorithm() == HashAlgorithm.SHA256) {
                for (StoredRecord s : db.withDigest(h.hex())) {
                    if (!s.record().isWithdrawn()) {
                        keepStrongest(byId, byHash(c, s.record(), h));
                    }
                }
            }
        }
        return List.copyOf(Incidents.fold(new ArrayList<>(byId.values())));
    }

    private static Optional<Candidate> byVersion(Component c, OsvRecord r, OsvAffected a) {
        Outcome outcome = AffectedVersions.evaluate(a, c.ecosystem(), c.version());
        if (outcome == Outcome.NOT_AFFECTED && c.version().isEmpty()) {
            // Nothing locked (an unpinned requirement, a git checkout): it could be any version the record names.
            outcome = Outcome.UNDECIDABLE;
        }
        if (outcome == Outcome.NOT_AFFECTED) {
            return Optional.empty();
        }
        String facts = Summaries.of(r, a);
        if (!c.source().kind().isRegistry()) {
            String from = c.source().kind().label() + (c.source().url().isEmpty() ? "" : " " + c.source().url());
            return Optional.of(candidate(r, facts, MatchBasis.NAME_ONLY, "not the registry package (it comes from "
                    + from + "): check that its code is not the compromised release", 0));
        }
        if (outcome == Outcome.UNDECIDABLE) {
            String why = c.version().isEmpty() ? "no version is locked"
                    : "version '" + c.version() + "' cannot be compared with the record's ranges (compared by exact "
                    + "string only)";
            return Optional.of(candidate(r, facts + "; " + why, MatchBasis.NAME_ONLY,
                    "pin " + c.name() + " to an exact version that the advisory does not name", 0));
        }
        return Optional.of(candidate(r, facts, MatchBasis.VERSION,
                Remediation.forVersion(a, c.ecosystem(), c.name(), c.version()),
                Remediation.specificity(a, c.ecosystem(), c.version())));
    }

    private static Candidate byHash(Component c, OsvRecord r, Hash h) {
        FileDigest d = r.digests().stream().filter(x -> x.sha256().equals(h.hex())).findFirst().orElseThrow();
        String file = (d.file().isEmpty() ? "a known-bad file" : d.file())
                + (d.version().isEmpty() ? "" : " of " + d.name() + " " + d.version());
        String locked = c.version().equals(d.version()) || d.version().isEmpty() ? ""
                : " (locked as version '" + c.version() + "')";
        Optional<OsvAffected> named = r.affected().stream().filter(a -> !a.name().isEmpty()).findFirst();
        String remediation = named.map(a -> Remediation.forVersion(a, PackageKeys.ecosystemOf(a.ecosystem()),
                a.name(), d.version())).orElse("remove " + c.name());
        int specificity = named.map(a -> Remediation.specificity(a, PackageKeys.ecosystemOf(a.ecosystem()),
                d.version())).orElse(0);
        return candidate(r, "locked file sha256:" + h.hex() + " is " + file + locked, MatchBasis.HASH,
                "remove the file with sha256:" + h.hex().substring(0, 12) + "...; " + remediation, specificity);
    }

    private static Candidate candidate(OsvRecord r, String summary, MatchBasis basis, String remediation,
                                       int specificity) {
        return new Candidate(r, new AdvisoryMatch(r.id(), r.aliases(), summary, basis, remediation, r.malicious()),
                specificity);
    }

    /** One match per record, the strongest basis kept: HASH, then VERSION, then NAME_ONLY. */
    private static void keepStrongest(Map<String, Candidate> byId, Candidate m) {
        byId.merge(m.record().id(), m, (a, b) -> Incidents.strength(a.match()) >= Incidents.strength(b.match())
                ? a : b);
    }
}
