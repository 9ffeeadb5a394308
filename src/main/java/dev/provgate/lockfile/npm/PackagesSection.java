// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.InstallScript;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code packages} map of package-lock v2 and v3: install path to entry. */
final class PackagesSection {
    /** Sections of the root and workspace entries that make a package direct. */
    private static final List<String> DECLARING = List.of("dependencies", "devDependencies",
            "optionalDependencies", "peerDependencies");
    /** Sections of an installed package that make edges. */
    private static final List<String> REQUIRING = List.of("dependencies", "optionalDependencies",
            "peerDependencies");

    /** The entry fields this parser reads; the rest (engines, bin, funding, license, ...) is skipped unread. */
    private static final Set<String> USED_FIELDS = Set.of("name", "version", "resolved", "integrity", "link",
            "dev", "optional", "devOptional", "peer", "inBundle", "hasInstallScript", "dependencies",
            "devDependencies", "optionalDependencies", "peerDependencies");

    record Entry(String path, int line, JsonNode node) {
        boolean installed() {
            return NodeModules.isInstalled(path);
        }
    }

    private PackagesSection() {
    }

    static List<Entry> read(LockfileSource source, JsonParser p) {
        List<Entry> entries = new ArrayList<>();
        JsonInput.forEachField(source, p, (path, line, parser) -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new LockfileParseException(source, line, "packages entry '" + path + "' must be an object");
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            JsonInput.forEachField(source, parser, (field, fieldLine, fp) -> {
                if (USED_FIELDS.contains(field)) {
                    node.set(field, JsonInput.readTree(source, fp));
                } else {
                    fp.skipChildren();
                }
            });
            entries.add(new Entry(path, line, node));
        });
        return entries;
    }

    static LockfileInventory inventory(LockfileSource source, String format, List<Entry> entries) {
        Map<String, Entry> byPath = new HashMap<>();
        entries.forEach(e -> byPath.put(e.path(), e));
        Set<String> direct = new HashSet<>();
        for (Entry e : entries) {
            if (!e.installed()) {
                for (String name : dependencyNames(source, e, DECLARING)) {
                    resolve(byPath, source, e.path(), name).ifPresent(direct::add);
                }
            }
        }
        Map<String, Component> components = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.installed() && !fields(source, e).flag("link")) {
                components.put(e.path(), component(source, e, direct.contains(e.path())));
            }
        }
        List<Dependency> edges = new ArrayList<>();
        for (Entry e : entries) {
            Component from = components.get(e.path());
            if (from != null) {
                for (String name : dependencyNames(source, e, REQUIRING)) {
                    resolve(byPath, source, e.path(), name).map(components::get)
                            .ifPresent(to -> edges.add(new Dependency(from.purl(), to.purl())));
                }
            }
        }
        return new LockfileInventory(source.displayPath(), format, Ecosystem.NPM,
                List.copyOf(components.values()), edges);
    }

    /** Where {@code name} required from {@code from} is installed; a link leads to its target folder. */
    private static Optional<String> resolve(Map<String, Entry> byPath, LockfileSource source, String from,
                                            String name) {
        return NodeModules.resolve(from, name, byPath::containsKey).map(path -> {
            Fields f = fields(source, byPath.get(path));
            return f.flag("link") ? f.resolved() : path;
        });
    }

    private static Set<String> dependencyNames(LockfileSource source, Entry e, List<String> sections) {
        Fields f = fields(source, e);
        Set<String> names = new LinkedHashSet<>();
        sections.forEach(s -> names.addAll(f.keys(s)));
        return names;
    }

    private static Component component(LockfileSource source, Entry e, boolean direct) {
        Fields f = fields(source, e);
        String folderName = NodeModules.nameOf(e.path());
        String name = f.text("name", folderName);
        return NpmComponents.build(Component.builder(Ecosystem.NPM, name, f.text("version", ""))
                .scope(scope(f))
                .direct(direct)
                .source(NpmSources.of(f.resolved()))
                .hashes(Integrity.parse(f.text("integrity", ""), source, e.line()))
                .location(source.at(e.line()))
                .installScript(InstallScript.flagged(f.flag("hasInstallScript")))
                .attribute("npm:path", e.path())
                .attribute("npm:alias", name.equals(folderName) ? "" : folderName)
                .attribute("npm:bundled", f.flag("inBundle") ? "true" : ""), source, e.line());
    }

    private static Scope scope(Fields f) {
        if (f.flag("dev") || f.flag("devOptional")) {
            return Scope.DEV;
        }
        if (f.flag("optional")) {
            return Scope.OPTIONAL;
        }
        return f.flag("peer") ? Scope.PEER : Scope.RUNTIME;
    }

    private static Fields fields(LockfileSource source, Entry e) {
        return new Fields(source, e.line(), e.node());
    }
}
