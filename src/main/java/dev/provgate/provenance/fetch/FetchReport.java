// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fetch command's output: one line per package, then a count per outcome. */
public final class FetchReport {
    private final List<FetchOutcome> outcomes;
    private final Map<FetchOutcome.Status, Integer> counts = new EnumMap<>(FetchOutcome.Status.class);

    public FetchReport(List<FetchOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        for (FetchOutcome.Status s : FetchOutcome.Status.values()) {
            counts.put(s, 0);
        }
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
    }

    /** Packages needed fetching (failed or had no registry URL) and not one was fetched. */
    public boolean nothingFetched() {
        return count(FetchOutcome.Status.FETCHED) == 0
                && count(FetchOutcome.Status.FAILED) + count(FetchOutcome.Status.NO_REGISTRY) > 0;
    }

    public int count(FetchOutcome.Status status) {
        return counts.get(status);
    }

    public void write(PrintWriter out, Path store) {
        int width = outcomes.stream().mapToInt(o -> coordinates(o).length()).max().orElse(0);
        for (FetchOutcome o : outcomes) {
            out.println(String.format(Locale.ROOT, "%-11s  %-" + width + "s  %s", label(o.status()),
                    coordinates(o), what(o)).stripTrailing());
        }
        out.println(String.format(Locale.ROOT,
                "%,d fetched, %,d skipped, %,d without registry URL, %,d failed; store: %s",
                count(FetchOutcome.Status.FETCHED), count(FetchOutcome.Status.SKIPPED),
                count(FetchOutcome.Status.NO_REGISTRY), count(FetchOutcome.Status.FAILED), store));
    }

    private static String label(FetchOutcome.Status s) {
        return s == FetchOutcome.Status.NO_REGISTRY ? "no-registry" : s.name().toLowerCase(Locale.ROOT);
    }

    private static String coordinates(FetchOutcome o) {
        return o.component().ecosystem().purlType() + ":" + o.component().coordinates();
    }

    private static String what(FetchOutcome o) {
        if (o.status() != FetchOutcome.Status.FETCHED) {
            return o.detail();
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!o.stored().isEmpty()) {
            parts.add(String.join(", ", o.stored()));
        }
        if (!o.notPublished().isEmpty()) {
            parts.add("not published: " + String.join(", ", o.notPublished()));
        }
        if (!o.detail().isEmpty()) {
            parts.add(o.detail());
        }
        return parts.isEmpty() ? "nothing stored" : String.join("; ", parts);
    }
}
