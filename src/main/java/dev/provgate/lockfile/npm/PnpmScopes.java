// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.model.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scopes from reachability, for lockfiles that do not flag packages (pnpm 9): RUNTIME when reached from an
 * importer's dependencies through required edges, else OPTIONAL when reached through an optional edge or an
 * importer's optionalDependencies, else DEV when reached from devDependencies.
 */
final class PnpmScopes {
    /** A dependency edge to {@code to}; {@code optional} when listed under optionalDependencies. */
    record Edge(String to, boolean optional) {
    }

    private final Map<String, List<Edge>> edges;
    private final Map<String, Scope> scopes = new HashMap<>();
    private final List<String> deferredOptional = new ArrayList<>();

    private PnpmScopes(Map<String, List<Edge>> edges) {
        this.edges = edges;
    }

    static Map<String, Scope> compute(Map<String, List<Edge>> edges, Map<Scope, List<String>> roots) {
        PnpmScopes s = new PnpmScopes(edges);
        s.walk(roots.getOrDefault(Scope.RUNTIME, List.of()), Scope.RUNTIME);
        List<String> optionalRoots = new ArrayList<>(roots.getOrDefault(Scope.OPTIONAL, List.of()));
        optionalRoots.addAll(s.deferredOptional);
        s.walk(optionalRoots, Scope.OPTIONAL);
        s.walk(roots.getOrDefault(Scope.DEV, List.of()), Scope.DEV);
        return s.scopes;
    }

    private void walk(Collection<String> roots, Scope scope) {
        Deque<String> queue = new ArrayDeque<>();
        roots.forEach(r -> visit(r, scope, queue));
        while (!queue.isEmpty()) {
            for (Edge e : edges.getOrDefault(queue.poll(), List.of())) {
                if (scope == Scope.RUNTIME && e.optional()) {
                    deferredOptional.add(e.to());
                } else {
                    visit(e.to(), scope, queue);
                }
            }
        }
    }

    private void visit(String node, Scope scope, Deque<String> queue) {
        if (scopes.putIfAbsent(node, scope) == null) {
            queue.add(node);
        }
    }
}
