// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links yarn.lock entries through their dependency descriptors. yarn records neither dev nor peer: a package is
 * OPTIONAL when every entry that depends on it marks it optional, RUNTIME otherwise. Direct packages are those a
 * workspace entry depends on (berry); classic lists no workspaces, so there the packages nothing depends on are
 * direct (direct packages that something else also depends on are then counted as transitive).
 */
final class YarnGraph {
    private final Map<String, YarnEntry> byDescriptor = new HashMap<>();
    private final boolean defaultNpmProtocol;

    /** @param defaultNpmProtocol berry: a range without protocol means {@code npm:} */
    private YarnGraph(List<YarnEntry> entries, boolean defaultNpmProtocol) {
        this.defaultNpmProtocol = defaultNpmProtocol;
        entries.forEach(e -> e.descriptors().forEach(d -> byDescriptor.put(d, e)));
        entries.forEach(e -> e.descriptors().forEach(d -> byDescriptor.putIfAbsent(withoutLocator(d), e)));
    }

    static LockfileInventory inventory(LockfileSource source, String format, List<YarnEntry> entries,
                                       boolean berry) {
        return new YarnGraph(entries, berry).build(source, format, entries);
    }

    private LockfileInventory build(LockfileSource source, String format, List<YarnEntry> entries) {
        Map<YarnEntry, Boolean> onlyOptional = new IdentityHashMap<>();
        Map<YarnEntry, Boolean> direct = new IdentityHashMap<>();
        for (YarnEntry e : entries) {
            e.dependencies().forEach((name, range) -> {
                YarnEntry target = lookup(name, range);
                if (target != null) {
                    onlyOptional.merge(target, e.optional().contains(name), Boolean::logicalAnd);
                    if (e.workspace()) {
                        direct.put(target, true);
                    }
                }
            });
        }
        boolean anyWorkspace = entries.stream().anyMatch(YarnEntry::workspace);
        Map<YarnEntry, Component> components = new IdentityHashMap<>();
        List<Component> list = new ArrayList<>();
        for (YarnEntry e : entries) {
            if (!e.workspace()) {
                boolean isDirect = anyWorkspace ? direct.containsKey(e) : !onlyOptional.containsKey(e);
                Component c = NpmComponents.build(e.component().direct(isDirect)
                        .scope(Boolean.TRUE.equals(onlyOptional.get(e)) ? Scope.OPTIONAL : Scope.RUNTIME),
                        source, e.line());
                components.put(e, c);
                list.add(c);
            }
        }
        return new LockfileInventory(source.displayPath(), format, Ecosystem.NPM, list, edges(entries, components));
    }

    private List<Dependency> edges(List<YarnEntry> entries, Map<YarnEntry, Component> components) {
        List<Dependency> edges = new ArrayList<>();
        for (YarnEntry e : entries) {
            Component from = components.get(e);
            if (from != null) {
                e.dependencies().forEach((name, range) -> {
                    Component to = components.get(lookup(name, range));
                    if (to != null) {
                        edges.add(new Dependency(from.purl(), to.purl()));
                    }
                });
            }
        }
        return edges;
    }

    /** berry keys local protocols by the workspace that asked ({@code ::locator=...}); dependencies do not. */
    private static String withoutLocator(String descriptor) {
        int locator = descriptor.indexOf("::locator=");
        return locator < 0 ? descriptor : descriptor.substring(0, locator);
    }

    private YarnEntry lookup(String name, String range) {
        YarnEntry e = byDescriptor.get(name + "@" + range);
        if (e == null && defaultNpmProtocol) {
            e = byDescriptor.get(name + "@npm:" + range);
        }
        return e;
    }
}
