// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested {@code dependencies} tree of package-lock v1. Each entry gets the install path npm would give it, so
 * v1 and v2 entries look alike. v1 does not record what the root package declares, so the top-level entries (install
 * depth 1) count as direct; hoisted transitive packages are among them.
 */
final class NestedDependencies {
    record Entry(String key, String path, int line, ObjectNode node) {
    }

    private NestedDependencies() {
    }

    /** The tree as a flat list in file order, parents before children. */
    static List<Entry> read(LockfileSource source, JsonParser p) {
        List<Entry> out = new ArrayList<>();
        readLevel(source, p, "", out);
        return out;
    }

    private static void readLevel(LockfileSource source, JsonParser p, String parentPath, List<Entry> out) {
        JsonInput.forEachField(source, p, (key, line, parser) -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new LockfileParseException(source, line, "dependency '" + key + "' must be an object");
            }
            String path = (parentPath.isEmpty() ? "" : parentPath + "/") + "node_modules/" + key;
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            int slot = out.size();
            out.add(null);
            JsonInput.forEachField(source, parser, (field, fieldLine, fp) -> {
                if (field.equals("dependencies")) {
                    readLevel(source, fp, path, out);
                } else {
                    node.set(field, JsonInput.readTree(source, fp));
                }
            });
            out.set(slot, new Entry(key, path, line, node));
        });
    }

    static LockfileInventory inventory(LockfileSource source, String format, List<Entry> entries) {
        Map<String, Component> byPath = new LinkedHashMap<>();
        for (Entry e : entries) {
            byPath.put(e.path(), component(source, e));
        }
        List<Dependency> edges = new ArrayList<>();
        for (Entry e : entries) {
            String from = byPath.get(e.path()).purl();
            for (String name : new Fields(source, e.line(), e.node()).keys("requires")) {
                NodeModules.resolve(e.path(), name, byPath::containsKey)
                        .ifPresent(to -> edges.add(new Dependency(from, byPath.get(to).purl())));
            }
        }
        return new LockfileInventory(source.displayPath(), format, Ecosystem.NPM, List.copyOf(byPath.values()),
                edges);
    }

    private static Component component(LockfileSource source, Entry e) {
        Fields f = new Fields(source, e.line(), e.node());
        String spec = f.text("version", "");
        String resolved = f.resolved();
        String name = e.key();
        String version = spec;
        Source origin = NpmSources.of(resolved);
        if (spec.startsWith("npm:")) {
            String real = spec.substring("npm:".length());
            int at = real.lastIndexOf('@');
            if (at <= 0) {
                throw new LockfileParseException(source, e.line(), "alias '" + spec + "' has no version");
            }
            name = real.substring(0, at);
            version = real.substring(at + 1);
        } else if (spec.contains(":") || spec.contains("/")) {
            version = "";
            origin = NpmSources.of(resolved.isEmpty() ? spec : resolved);
        }
        return NpmComponents.build(Component.builder(Ecosystem.NPM, name, version)
                .scope(f.flag("dev") ? Scope.DEV : f.flag("optional") ? Scope.OPTIONAL : Scope.RUNTIME)
                .direct(NodeModules.depth(e.path()) == 1)
                .source(origin)
                .hashes(Integrity.parse(f.text("integrity", ""), source, e.line()))
                .location(source.at(e.line()))
                .attribute("npm:path", e.path())
                .attribute("npm:alias", name.equals(e.key()) ? "" : e.key())
                .attribute("npm:bundled", f.flag("bundled") ? "true" : ""), source, e.line());
    }
}
