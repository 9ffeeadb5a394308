// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.InstallScript;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One pnpm lockfile being turned into an inventory. Graph nodes are package keys (5.x, 6.x) or snapshot keys
 * (9.0, where a snapshot is a peer variant of a package); dependency references resolve to them per dialect.
 */
final class PnpmLock {
    private static final Map<String, Scope> IMPORTER_SECTIONS = Map.of("dependencies", Scope.RUNTIME,
            "optionalDependencies", Scope.OPTIONAL, "devDependencies", Scope.DEV);

    private final LockfileSource source;
    private final PnpmDialect dialect;
    private final List<YamlDocument.Entry> packages;
    private final Map<String, YamlDocument.Entry> nodes = new HashMap<>();
    private final List<YamlDocument.Entry> importers;
    /** Package key to every name a dependency reached it under: a name other than the package's is an alias. */
    private final Map<String, Set<String>> namesUsed = new HashMap<>();

    PnpmLock(LockfileSource source, PnpmDialect dialect, Map<String, YamlDocument.Section> doc) {
        this.source = source;
        this.dialect = dialect;
        this.packages = YamlDocument.mapping(source, doc, "packages");
        List<YamlDocument.Entry> graph = dialect == PnpmDialect.V9
                ? YamlDocument.mapping(source, doc, "snapshots") : packages;
        graph.forEach(e -> nodes.put(e.key(), e));
        this.importers = doc.containsKey("importers") ? YamlDocument.mapping(source, doc, "importers")
                : List.of(singleProject(doc));
    }

    /** A lockfile without importers lists the one project's dependencies at the top. */
    private static YamlDocument.Entry singleProject(Map<String, YamlDocument.Section> doc) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        IMPORTER_SECTIONS.keySet().stream().filter(doc::containsKey)
                .forEach(s -> root.set(s, doc.get(s).value()));
        return new YamlDocument.Entry(".", 1, root);
    }

    LockfileInventory inventory(String format) {
        Map<Scope, List<String>> roots = new EnumMap<>(Scope.class);
        for (YamlDocument.Entry importer : importers) {
            Fields f = fields(importer);
            IMPORTER_SECTIONS.forEach((section, scope) -> f.child(section).node().properties().forEach(d -> {
                String node = resolve(d.getKey(), reference(importer, d.getValue()));
                if (node != null) {
                    roots.computeIfAbsent(scope, s -> new ArrayList<>()).add(node);
                }
            }));
        }
        Map<String, List<PnpmScopes.Edge>> edges = edges();
        Map<String, Scope> reached = dialect == PnpmDialect.V9 ? packageScopes(edges, roots) : Map.of();
        Set<String> direct = new HashSet<>();
        roots.values().forEach(keys -> keys.forEach(k -> direct.add(packageKey(k))));
        Map<String, Component> components = new LinkedHashMap<>();
        for (YamlDocument.Entry e : packages) {
            components.put(e.key(), component(e, direct.contains(e.key()), reached.get(e.key()),
                    namesUsed.getOrDefault(e.key(), Set.of())));
        }
        List<Dependency> dependencies = new ArrayList<>();
        edges.forEach((from, tos) -> tos.forEach(to -> {
            Component a = components.get(packageKey(from));
            Component b = components.get(packageKey(to.to()));
            if (a != null && b != null) {
                dependencies.add(new Dependency(a.purl(), b.purl()));
            }
        }));
        return new LockfileInventory(source.displayPath(), format, Ecosystem.NPM, List.copyOf(components.values()),
                dependencies);
    }

    private Map<String, List<PnpmScopes.Edge>> edges() {
        Map<String, List<PnpmScopes.Edge>> edges = new HashMap<>();
        for (YamlDocument.Entry e : nodes.values()) {
            List<PnpmScopes.Edge> out = new ArrayList<>();
            for (String section : List.of("dependencies", "optionalDependencies")) {
                fields(e).strings(section).forEach((name, ref) -> {
                    String to = resolve(name, ref);
                    if (to != null) {
                        out.add(new PnpmScopes.Edge(to, section.equals("optionalDependencies")));
                    }
                });
            }
            edges.put(e.key(), out);
        }
        return edges;
    }

    /** Scope per package key: the widest any of its snapshots reached (RUNTIME before OPTIONAL before DEV). */
    private Map<String, Scope> packageScopes(Map<String, List<PnpmScopes.Edge>> edges, Map<Scope, List<String>> roots) {
        Map<String, Scope> byPackage = new HashMap<>();
        PnpmScopes.compute(edges, roots).forEach((node, scope) ->
                byPackage.merge(packageKey(node), scope, (a, b) -> a.ordinal() <= b.ordinal() ? a : b));
        return byPackage;
    }

    private Component component(YamlDocument.Entry e, boolean direct, Scope reached, Set<String> names) {
        Fields f = fields(e);
        PnpmDialect.NameVersion parsed = dialect.nameAndVersion(e.key());
        String name = f.text("name", parsed.name());
        if (name.isEmpty()) {
            throw new LockfileParseException(source, e.line(), "cannot tell the package name of '" + e.key() + "'");
        }
        Fields resolution = f.child("resolution");
        return NpmComponents.build(Component.builder(Ecosystem.NPM, name,
                        f.text("version", parsed.version()))
                .scope(reached != null ? reached : flaggedScope(f))
                .direct(direct)
                .source(source(e.key(), resolution))
                .hashes(Integrity.parse(resolution.text("integrity", ""), source, e.line()))
                .location(source.at(e.line()))
                .installScript(dialect.recordsBuildScripts() ? InstallScript.flagged(f.flag("requiresBuild"))
                        : InstallScript.UNRECORDED)
                .attribute("npm:alias", String.join(", ", names.stream().filter(n -> !n.equals(name)).toList())),
                source, e.line());
    }

    private static Scope flaggedScope(Fields f) {
        if (f.flag("dev")) {
            return Scope.DEV;
        }
        return f.flag("optional") ? Scope.OPTIONAL : Scope.RUNTIME;
    }

    private static Source source(String key, Fields resolution) {
        String tarball = resolution.text("tarball", "");
        if (!tarball.isEmpty()) {
            return tarball.startsWith("file:") ? Source.of(SourceKind.PATH, tarball) : NpmSources.of(tarball);
        }
        if (resolution.text("type", "").equals("git")) {
            String commit = resolution.text("commit", "");
            return Source.of(SourceKind.GIT, resolution.text("repo", "") + (commit.isEmpty() ? "" : "#" + commit));
        }
        String directory = resolution.text("directory", "");
        if (!directory.isEmpty() || key.startsWith("file:") || key.contains("@file:")) {
            return Source.of(SourceKind.PATH, directory.isEmpty() ? key : directory);
        }
        return Source.registry("");
    }

    /** The graph node a dependency reference stands for, or null for workspace links and unknown references. */
    private String resolve(String name, String reference) {
        if (reference.isEmpty() || reference.startsWith("link:")) {
            return null;
        }
        for (String candidate : dialect.candidates(name, reference)) {
            if (nodes.containsKey(candidate)) {
                namesUsed.computeIfAbsent(packageKey(candidate), k -> new TreeSet<>()).add(name);
                return candidate;
            }
        }
        return null;
    }

    private String packageKey(String node) {
        return dialect == PnpmDialect.V9 ? PnpmDialect.withoutSuffix(node) : node;
    }

    /** An importer's reference: the plain value (5.x) or the {@code version} of {specifier, version} (6.x, 9.0). */
    private String reference(YamlDocument.Entry importer, JsonNode value) {
        Fields f = new Fields(source, importer.line(), value.isObject() ? value
                : JsonNodeFactory.instance.objectNode().set("version", value));
        return f.text("version", "");
    }

    private Fields fields(YamlDocument.Entry e) {
        return new Fields(source, e.line(), e.value());
    }
}
