// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Component;
import dev.provgate.model.Enricher;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.SignerIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sbom --provenance}: each component's provenance results become attributes, which the writer emits as
 * {@code provgate:provenance:<mechanism>} properties (outcome) with {@code :identity}, {@code :issuer},
 * {@code :source-repository}, for builds {@code :workflow}, {@code :ref}, {@code :trigger}, {@code :builder} and
 * {@code :commit}, then {@code :log-index}, {@code :signed-at}, {@code :bundle-sha256} and {@code :reason}.
 * A second result of one mechanism (two registry signatures, two attestations) is numbered {@code <mechanism>:2}.
 */
public final class SbomProvenance {
    static final String PREFIX = "provenance:";

    private SbomProvenance() {
    }

    /** The inventory with every component's provenance as attributes; one enricher call per distinct package. */
    public static Inventory annotate(Inventory inventory, Enricher enricher) {
        Map<List<Object>, List<ProvenanceResult>> seen = new HashMap<>();
        return new Inventory(inventory.lockfiles().stream().map(l -> new LockfileInventory(l.path(), l.format(),
                l.ecosystem(), l.components().stream().map(c -> annotate(c, seen.computeIfAbsent(
                        List.of(c.purl(), c.source(), c.hashes()), k -> results(enricher, c)))).toList(),
                l.dependencies())).toList());
    }

    private static List<ProvenanceResult> results(Enricher enricher, Component c) {
        return enricher.evidenceFor(c).stream().filter(ProvenanceResult.class::isInstance)
                .map(ProvenanceResult.class::cast).toList();
    }

    private static Component annotate(Component c, List<ProvenanceResult> results) {
        Component.Builder b = c.toBuilder();
        Map<String, Integer> count = new HashMap<>();
        for (ProvenanceResult r : results) {
            int n = count.merge(r.mechanism(), 1, Integer::sum);
            String key = PREFIX + r.mechanism() + (n > 1 ? ":" + n : "");
            b.attribute(key, r.outcome().name().toLowerCase(Locale.ROOT));
            SignerIdentity id = r.identity();
            if (id != null) {
                b.attribute(key + ":identity", id.subject().isEmpty() ? id.keyFingerprint() : id.subject());
                b.attribute(key + ":issuer", id.issuer());
                b.attribute(key + ":source-repository", id.repository());
                if (!id.build().isEmpty()) {
                    // how it was built: what a hijacked pipeline changes while its provenance stays valid
                    b.attribute(key + ":workflow", id.build().workflowPath());
                    b.attribute(key + ":ref", id.build().ref());
                    b.attribute(key + ":trigger", id.build().trigger());
                    b.attribute(key + ":builder", id.build().builder());
                    b.attribute(key + ":commit", id.build().commit());
                }
            }
            b.attribute(key + ":log-index", r.logIndex() >= 0 ? Long.toString(r.logIndex()) : "");
            b.attribute(key + ":signed-at", r.signedAt() == null ? "" : r.signedAt().toString());
            b.attribute(key + ":bundle-sha256", r.bundleSha256());
            b.attribute(key + ":reason", r.reason());
        }
        return b.build();
    }
}
