// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.ProvenanceResult;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The previous inventory (for example the lockfiles at the base branch): which versions a package had before, and
 * how much provenance they carried. The approval rule compares against it; provenance continuity reads it.
 */
public final class Baseline {
    private static final Baseline NONE = new Baseline(false, Map.of(), Map.of());

    private final boolean present;
    private final Map<String, Set<String>> versions;
    private final Map<String, ProvenanceLevel> provenance;

    private Baseline(boolean present, Map<String, Set<String>> versions, Map<String, ProvenanceLevel> provenance) {
        this.present = present;
        this.versions = versions;
        this.provenance = provenance;
    }

    /** No previous inventory: approval then needs every locked version listed in {@code approved:}. */
    public static Baseline none() {
        return NONE;
    }

    /** A previous inventory without evidence. */
    public static Baseline ofComponents(Collection<Component> previous) {
        return of(previous.stream().map(c -> new ComponentEvidence(c, List.of())).toList());
    }

    /** A previous inventory with its evidence; provenance evidence there feeds the continuity check. */
    public static Baseline of(Collection<ComponentEvidence> previous) {
        Map<String, Set<String>> versions = new HashMap<>();
        Map<String, ProvenanceLevel> provenance = new HashMap<>();
        for (ComponentEvidence ce : previous) {
            PackageRef ref = PackageRef.of(ce.component());
            String key = ref.withoutVersion();
            versions.computeIfAbsent(key, k -> new TreeSet<>()).add(ref.version());
            List<ProvenanceResult> results = ce.of(ProvenanceResult.class);
            if (!results.isEmpty()) {
                provenance.merge(key, ProvenanceLevel.achieved(results),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        return new Baseline(true, versions, provenance);
    }

    public boolean present() {
        return present;
    }

    /** Versions of the same package in the baseline; empty when the package is new. */
    public Set<String> previousVersions(PackageRef ref) {
        return versions.getOrDefault(ref.withoutVersion(), Set.of());
    }

    /** The highest provenance level earlier versions had, when the baseline carried provenance evidence. */
    public Optional<ProvenanceLevel> earlierProvenance(PackageRef ref) {
        return Optional.ofNullable(provenance.get(ref.withoutVersion()));
    }
}
