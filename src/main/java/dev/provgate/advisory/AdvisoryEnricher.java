// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.advisory.AffectedVersions.Outcome;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.Component;
import dev.provgate.model.Enricher;
import dev.provgate.model.Evidence;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Advisory evidence per component, one {@link AdvisoryMatch} per advisory: HASH when a locked SHA-256 equals a
 * known-bad file digest (whatever the version says), VERSION when a registry component's version is affected,
 * NAME_ONLY when the component only shares the name (git, URL or path source: the remediation says where it comes
 * from; or a registry version that cannot be compared with the record's ranges: the summary says so). Summaries are
 * facts from the record ("malicious code in litellm 1.82.7, 1.82.8"). Withdrawn records never match.
 */
public final class AdvisoryEnricher implements Enricher {
    private final AdvisoryDatabase db;

    public AdvisoryEnricher(AdvisoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<Evidence> evidenceFor(Component c) {
        Map<String, AdvisoryMatch> byId = new TreeMap<>();
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
        return new ArrayList<>(byId.values());
    }

    private static Optional<AdvisoryMatch> byVersion(Component c, OsvRecord r, OsvAffected a) {
        Outcome outcome = AffectedVersions.evaluate(a, c.ecosystem(), c.version());
        if (outcome == Outcome.NOT_AFFECTED) {
            return Optional.empty();
        }
        String facts = Summaries.of(r, a);
        if (!c.source().kind().isRegistry()) {
            String from = c.source().kind().label() + (c.source().url().isEmpty() ? "" : " " + c.source().url());
            return Optional.of(match(r, facts, MatchBasis.NAME_ONLY, "not the registry package (it comes from "
                    + from + "): check that its code is not the compromised release"));
        }
        if (outcome == Outcome.UNDECIDABLE) {
            String version = c.version().isEmpty() ? "no version" : "version '" + c.version() + "'";
            return Optional.of(match(r, facts + "; " + version + " cannot be compared with the record's "
                    + "ranges (compared by exact string only)", MatchBasis.NAME_ONLY,
                    "pin " + c.name() + " to a valid version and check it against " + r.id()));
        }
        return Optional.of(match(r, facts, MatchBasis.VERSION,
                Remediation.forVersion(a, c.ecosystem(), c.name(), c.version())));
    }

    private static AdvisoryMatch byHash(Component c, OsvRecord r, Hash h) {
        FileDigest d = r.digests().stream().filter(x -> x.sha256().equals(h.hex())).findFirst().orElseThrow();
        String file = (d.file().isEmpty() ? "a known-bad file" : d.file())
                + (d.version().isEmpty() ? "" : " of " + d.name() + " " + d.version());
        String locked = c.version().equals(d.version()) || d.version().isEmpty() ? ""
                : " (locked as version '" + c.version() + "')";
        String remediation = r.affected().stream().filter(a -> !a.name().isEmpty()).findFirst()
                .map(a -> Remediation.forVersion(a, PackageKeys.ecosystemOf(a.ecosystem()), a.name(), d.version()))
                .orElse("remove " + c.name());
        return match(r, "locked file sha256:" + h.hex() + " is " + file + locked, MatchBasis.HASH,
                "remove the file with sha256:" + h.hex().substring(0, 12) + "...; " + remediation);
    }

    private static AdvisoryMatch match(OsvRecord r, String summary, MatchBasis basis, String remediation) {
        return new AdvisoryMatch(r.id(), r.aliases(), summary, basis, remediation, r.malicious());
    }

    /** One match per advisory, the strongest basis kept: HASH, then VERSION, then NAME_ONLY. */
    private static void keepStrongest(Map<String, AdvisoryMatch> byId, AdvisoryMatch m) {
        byId.merge(m.advisoryId(), m, (a, b) -> Comparator.comparing(AdvisoryEnricher::strength).compare(a, b) >= 0
                ? a : b);
    }

    private static int strength(AdvisoryMatch m) {
        return switch (m.basis()) {
            case HASH -> 2;
            case VERSION -> 1;
            case NAME_ONLY -> 0;
        };
    }
}
