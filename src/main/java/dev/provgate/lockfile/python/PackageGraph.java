// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Purls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The locked packages of one file by index, and dependency edges that name their target: a name resolves to the
 * locked package of that PEP 503 name (every one of them when the file locks several versions, unless the edge
 * names the version). Names no package answers to are dependencies the lock did not need (an extra nobody asked
 * for, a marker that never holds) and make no edge.
 */
final class PackageGraph {
    private final List<String> versions = new ArrayList<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final List<List<Ref>> edges = new ArrayList<>();

    private record Ref(String name, String version) {
    }

    /** Adds a package; returns its index. */
    int add(String name, String version) {
        int index = versions.size();
        versions.add(version);
        byName.computeIfAbsent(Purls.normalizePypiName(name), k -> new ArrayList<>()).add(index);
        edges.add(new ArrayList<>());
        return index;
    }

    int size() {
        return versions.size();
    }

    /** Records that package {@code from} depends on {@code name} (at {@code version} when not empty). */
    void depend(int from, String name, String version) {
        edges.get(from).add(new Ref(name, version));
    }

    /** The locked packages an edge to {@code name} (at {@code version} when not empty) reaches. */
    List<Integer> resolve(String name, String version) {
        List<Integer> all = byName.getOrDefault(Purls.normalizePypiName(name), List.of());
        if (version.isEmpty()) {
            return all;
        }
        return all.stream().filter(i -> versions.get(i).equals(version)).toList();
    }

    List<Integer> targets(int from) {
        List<Integer> out = new ArrayList<>();
        for (Ref r : edges.get(from)) {
            out.addAll(resolve(r.name(), r.version()));
        }
        return out;
    }

    /** Packages no other package depends on: the lock's roots, the best guess at direct when it does not say. */
    BitSet roots() {
        BitSet depended = new BitSet();
        for (int i = 0; i < size(); i++) {
            for (int t : targets(i)) {
                if (t != i) {
                    depended.set(t);
                }
            }
        }
        BitSet roots = new BitSet();
        roots.set(0, size());
        roots.andNot(depended);
        return roots;
    }

    /** Everything reachable from {@code start} over the edges, {@code start} included. */
    BitSet reachable(List<Integer> start) {
        BitSet seen = new BitSet();
        Deque<Integer> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            int i = todo.pop();
            if (!seen.get(i)) {
                seen.set(i);
                todo.addAll(targets(i));
            }
        }
        return seen;
    }

    /** The edges as purl pairs of the built components (same indexes). */
    List<Dependency> dependencies(List<Component> components) {
        List<Dependency> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            for (int t : targets(i)) {
                if (t != i) {
                    out.add(new Dependency(components.get(i).purl(), components.get(t).purl()));
                }
            }
        }
        return out;
    }
}
