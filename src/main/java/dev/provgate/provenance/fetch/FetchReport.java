// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.Ecosystem;
import dev.provgate.provenance.store.AttestationStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
        unsignedSummary().ifPresent(out::println);
        List<FetchOutcome> listed = outcomes.stream().filter(o -> o.status() != FetchOutcome.Status.NO_REGISTRY)
                .toList();
        int width = listed.stream().mapToInt(o -> coordinates(o).length()).max().orElse(0);
        for (FetchOutcome o : listed) {
            out.println(String.format(Locale.ROOT, "%-11s  %-" + width + "s  %s", label(o.status()),
                    coordinates(o), what(o)).stripTrailing());
        }
        // one line per ecosystem without a registry: the same fix applies to every package in it
        Map<Ecosystem, List<FetchOutcome>> unlocated = new TreeMap<>();
        outcomes.stream().filter(o -> o.status() == FetchOutcome.Status.NO_REGISTRY)
                .forEach(o -> unlocated.computeIfAbsent(o.component().ecosystem(), e -> new ArrayList<>()).add(o));
        unlocated.forEach((ecosystem, os) -> out.println("no-registry  " + ecosystem.purlType() + ": "
                + String.format(Locale.ROOT, "%,d", os.size()) + (os.size() == 1 ? " package (" : " packages (")
                + os.stream().limit(3)
                .map(o -> o.component().coordinates()).collect(Collectors.joining(", "))
                + (os.size() > 3 ? ", ..." : "") + ") unverified: " + RegistryLocator.fixFor(ecosystem)));
        out.println(String.format(Locale.ROOT,
                "%,d fetched, %,d skipped, %,d without registry URL, %,d failed; store: %s",
                count(FetchOutcome.Status.FETCHED), count(FetchOutcome.Status.SKIPPED),
                count(FetchOutcome.Status.NO_REGISTRY), count(FetchOutcome.Status.FAILED), store));
    }

    /**
     * Said once, first: no fetched npm package had registry signatures. The registry signs every package, so that
     * is nearly always a mirror that strips them, not N unsigned packages.
     */
    java.util.Optional<String> unsignedSummary() {
        List<FetchOutcome> npm = outcomes.stream().filter(o -> o.status() == FetchOutcome.Status.FETCHED
                && o.component().ecosystem() == Ecosystem.NPM).toList();
        long signed = npm.stream().filter(o -> o.stored().contains(AttestationStore.NPM_REGISTRY_SIGNATURES)).count();
        if (npm.isEmpty() || signed > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("note: 0 of " + npm.size() + " npm packages have registry signatures in the "
                + "registry's documents; the npm registry signs every package, so the registry fetched from "
                + "probably strips them (a mirror?): fetch through one that passes dist.signatures through");
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
        List<String> parts = new ArrayList<>();
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
