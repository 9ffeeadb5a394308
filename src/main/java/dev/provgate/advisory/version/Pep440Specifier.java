// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PEP 440 version specifier: comma-separated clauses that must all hold, e.g. {@code >=1.0, !=1.3.4, <2}.
 * Pre-releases match only when asked for or when a clause names one, as PEP 440 prescribes.
 */
public record Pep440Specifier(List<Pep440Clause> clauses) {
    public Pep440Specifier {
        clauses = List.copyOf(clauses);
    }

    /** Parses a specifier; empty when any clause is invalid. An empty string admits every final release. */
    public static Optional<Pep440Specifier> parse(String text) {
        List<Pep440Clause> clauses = new ArrayList<>();
        if (!text.isBlank()) {
            for (String part : text.split(",", -1)) {
                Optional<Pep440Clause> clause = Pep440Clause.parse(part);
                if (clause.isEmpty()) {
                    return Optional.empty();
                }
                clauses.add(clause.get());
            }
        }
        return Optional.of(new Pep440Specifier(clauses));
    }

    /** Whether the candidate is admitted, pre-releases only when a clause names one. */
    public boolean contains(String candidate) {
        return contains(candidate, clauses.stream().anyMatch(Pep440Clause::allowsPrereleases));
    }

    /**
     * Whether the candidate is admitted. A candidate that is not a valid version can only match {@code ===}
     * clauses (arbitrary equality compares strings).
     */
    public boolean contains(String candidate, boolean prereleases) {
        Optional<Pep440Version> v = Pep440Version.parse(candidate);
        if (v.isEmpty()) {
            return !clauses.isEmpty() && clauses.stream().allMatch(c -> c.operator().equals("===")
                    && c.version().equalsIgnoreCase(candidate.strip()));
        }
        if (v.get().isPrerelease() && !prereleases) {
            return false;
        }
        return clauses.stream().allMatch(c -> c.operator().equals("===")
                ? c.version().equalsIgnoreCase(candidate.strip()) : c.admits(v.get()));
    }

    @Override
    public String toString() {
        return String.join(",", clauses.stream().map(Pep440Clause::toString).toList());
    }
}
