// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.Component;
import dev.provgate.model.Enricher;
import dev.provgate.model.Evidence;
import java.util.List;

/**
 * A stand-in for the advisory database: a few records keyed by name and version. A component from git that only
 * shares a record's name gets a name-only match, as the real enricher reports it.
 */
public final class FakeAdvisories implements Enricher {
    /** One made-up record: the package, the bad version, and the match it yields. */
    public record Entry(String name, String version, AdvisoryMatch match) {
    }

    public static final Entry EVENT_STREAM = new Entry("event-stream", "3.3.6",
            new AdvisoryMatch("GHSA-mh6f-8j2x-4483", List.of("MAL-2018-1"), "event-stream 3.3.6 pulls in "
                    + "flatmap-stream with a payload", MatchBasis.VERSION, "pin event-stream to 3.3.5", true));
    public static final Entry LITELLM = new Entry("litellm", "1.82.8",
            new AdvisoryMatch("MAL-2026-2144", List.of("PYSEC-2026-2", "GHSA-5mg7-485q-xm76"),
                    "litellm 1.82.8 runs a credential stealer at every Python start", MatchBasis.VERSION,
                    "pin litellm to 1.82.6 or earlier", true));
    public static final Entry LEFT_PAD = new Entry("left-pad", "1.0.0",
            new AdvisoryMatch("GHSA-0000-test-0001", List.of(), "left-pad 1.0.0 pads wrongly", MatchBasis.VERSION,
                    "upgrade left-pad to 1.0.1", false));

    private final List<Entry> entries;

    public FakeAdvisories(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static FakeAdvisories standard() {
        return new FakeAdvisories(List.of(EVENT_STREAM, LITELLM, LEFT_PAD));
    }

    @Override
    public List<Evidence> evidenceFor(Component c) {
        return entries.stream().filter(e -> e.name().equals(c.name()))
                .filter(e -> !c.source().kind().isRegistry() || e.version().equals(c.version()))
                .<Evidence>map(e -> c.source().kind().isRegistry() ? e.match() : nameOnly(e.match()))
                .toList();
    }

    private static AdvisoryMatch nameOnly(AdvisoryMatch m) {
        return new AdvisoryMatch(m.advisoryId(), m.aliases(), m.summary(), MatchBasis.NAME_ONLY, m.remediation(),
                m.malicious());
    }
}
