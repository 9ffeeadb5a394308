// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Enricher;
import dev.provgate.model.Evidence;
import dev.provgate.model.ReleaseInfo;
import java.util.List;

/**
 * Publish times for the release-age rule, from the store's {@code release.json}. Answers for every component: a
 * version the store has no time for gets a {@link ReleaseInfo} without a date that says why.
 */
public final class ReleaseEnricher implements Enricher {
    private final AttestationStore store;

    public ReleaseEnricher(AttestationStore store) {
        this.store = store;
    }

    @Override
    public List<Evidence> evidenceFor(Component c) {
        if (c.ecosystem() == Ecosystem.OTHER || !c.pinnedToRegistryVersion()) {
            return List.of(new ReleaseInfo(null, "not a registry package version: no publish time"));
        }
        return List.of(store.release(c).map(ReleaseRecord::toReleaseInfo)
                .orElseGet(() -> new ReleaseInfo(null, "no publish time in " + store.root()
                        + " (run provgate attestations fetch)")));
    }
}
