// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one lockfile locks.
 *
 * @param path         the lockfile as shown to the user
 * @param format       the parser's stable name, e.g. {@code npm/package-lock}
 * @param ecosystem    the lockfile's ecosystem
 * @param components   every entry, in file order; the same name@version may occur more than once
 *                     (npm installs one version in several places)
 * @param dependencies edges between components, by purl, sorted and without repeats
 */
public record LockfileInventory(String path, String format, Ecosystem ecosystem,
                                List<Component> components, List<Dependency> dependencies) {
    public LockfileInventory {
        components = List.copyOf(components);
        List<Dependency> edges = new ArrayList<>(new LinkedHashSet<>(dependencies));
        Collections.sort(edges);
        dependencies = List.copyOf(edges);
    }

    /** Distinct {@code name@version} (by purl). */
    public Set<String> distinctPurls() {
        Set<String> purls = new java.util.TreeSet<>();
        components.forEach(c -> purls.add(c.purl()));
        return purls;
    }
}
