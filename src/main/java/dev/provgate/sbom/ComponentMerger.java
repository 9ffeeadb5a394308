// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Inventory;
import dev.provgate.model.Location;
import dev.provgate.model.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Folds the occurrences of each purl (several lockfiles, several install paths) into one component. */
final class ComponentMerger {
    /** Runtime beats everything: a package any part of the project needs at run time is required. */
    private static final List<Scope> STRENGTH = List.of(Scope.RUNTIME, Scope.PEER, Scope.OPTIONAL, Scope.DEV);

    private ComponentMerger() {
    }

    /** One entry per purl, sorted by purl. */
    static List<MergedComponent> merge(Inventory inventory) {
        Map<String, List<Component>> byPurl = new TreeMap<>();
        inventory.components().forEach(c -> byPurl.computeIfAbsent(c.purl(), k -> new ArrayList<>()).add(c));
        List<MergedComponent> merged = new ArrayList<>(byPurl.size());
        byPurl.values().forEach(occurrences -> merged.add(fold(occurrences)));
        return merged;
    }

    private static MergedComponent fold(List<Component> occurrences) {
        Component first = occurrences.get(0);
        Scope scope = first.scope();
        boolean direct = false;
        InstallScript installScript = InstallScript.UNRECORDED;
        TreeSet<Location> locations = new TreeSet<>();
        TreeSet<Hash> hashes = new TreeSet<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Component c : occurrences) {
            if (STRENGTH.indexOf(c.scope()) < STRENGTH.indexOf(scope)) {
                scope = c.scope();
            }
            direct |= c.direct();
            installScript = installScript.or(c.installScript());
            locations.add(c.location());
            hashes.addAll(c.hashes());
            c.attributes().forEach(attributes::putIfAbsent);
        }
        return new MergedComponent(first, scope, direct, installScript, List.copyOf(locations),
                List.copyOf(hashes), new TreeMap<>(attributes));
    }
}
