// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.LockfileInventory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Shortest paths from the project's direct dependencies to every package of one lockfile, over its dependency edges.
 * One breadth-first search from all direct components at once; ties go to the direct component and the edge that
 * sort first, so the answer does not depend on file order.
 */
public final class DependencyPaths {
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, String> coordinates = new HashMap<>();

    public DependencyPaths(LockfileInventory lockfile) {
        Map<String, List<String>> edges = new HashMap<>();
        for (Dependency d : lockfile.dependencies()) {
            edges.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(d.to());
        }
        TreeSet<String> roots = new TreeSet<>();
        for (Component c : lockfile.components()) {
            coordinates.putIfAbsent(c.purl(), c.coordinates());
            if (c.direct()) {
                roots.add(c.purl());
            }
        }
        search(roots, edges);
    }

    private void search(TreeSet<String> roots, Map<String, List<String>> edges) {
        Deque<String> queue = new ArrayDeque<>(roots);
        roots.forEach(r -> parent.put(r, null));
        while (!queue.isEmpty()) {
            String from = queue.poll();
            for (String to : edges.getOrDefault(from, List.of())) {
                if (!parent.containsKey(to)) {
                    parent.put(to, from);
                    queue.add(to);
                }
            }
        }
    }

    /**
     * From a direct dependency down to the component, as {@code name@version}, the component last. Empty when the
     * component is itself direct (here or at another place in the lockfile), or when no edge leads to it (the
     * lockfile records no dependency graph).
     */
    public List<String> pathTo(Component component) {
        if (component.direct() || parent.get(component.purl()) == null) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        for (String p = component.purl(); p != null; p = parent.get(p)) {
            path.add(coordinates.getOrDefault(p, p));
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }
}
