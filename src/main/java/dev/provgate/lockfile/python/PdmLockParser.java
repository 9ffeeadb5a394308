// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Purls;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pdm.lock}, lock_version 3.x and 4.x. A package repeated for its extras (an {@code extras} key, or
 * {@code name[extra]}) is one component. See docs/formats-python.md.
 */
public final class PdmLockParser implements PythonLockfileParser {
    private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[([^]]*)])?");

    @Override
    public String name() {
        return "python/pdm-lock";
    }

    @Override
    public boolean accepts(String relativePath) {
        return PythonLockfileParser.hasFileName(relativePath, "pdm.lock");
    }

    /** One component being merged from its tables. */
    private static final class Entry {
        final int index;
        final int line;
        final JsonNode first;
        final Set<String> groups = new TreeSet<>();
        final Set<String> extras = new TreeSet<>();
        final Set<Hash> hashes = new LinkedHashSet<>();
        final List<JsonNode> tables = new ArrayList<>();

        Entry(int index, int line, JsonNode first) {
            this.index = index;
            this.line = line;
            this.first = first;
        }
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        PythonToml toml = PythonToml.read(source);
        checkVersion(toml);
        List<JsonNode> packages = toml.tables("package");
        List<Integer> lines = toml.headerLines("package", packages.size());
        JsonNode metadataFiles = toml.root().path("metadata").path("files");
        PackageGraph graph = new PackageGraph();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            int line = lines.get(i);
            String written = JsonFields.required(source, p, "name", line);
            Matcher m = NAME.matcher(written);
            if (!m.find()) {
                throw new LockfileParseException(source, line, "not a package name: '" + written + "'");
            }
            String version = JsonFields.text(p, "version");
            Entry e = entries.computeIfAbsent(Purls.normalizePypiName(m.group(1)) + " " + version,
                    k -> new Entry(graph.add(m.group(1), version), line, p));
            e.tables.add(p);
            p.path("groups").forEach(g -> e.groups.add(g.asText()));
            addExtras(e.extras, m.group(2));
            p.path("extras").forEach(x -> e.extras.add(x.asText()));
            e.hashes.addAll(PythonHashes.fromFileEntries(source, line, p.path("files")));
            e.hashes.addAll(PythonHashes.fromFileEntries(source, line, metadataFiles.path(written + " " + version)));
        }
        for (Entry e : entries.values()) {
            for (JsonNode table : e.tables) {
                for (JsonNode dep : table.path("dependencies")) {
                    Matcher m = NAME.matcher(dep.asText());
                    if (m.find()) {
                        graph.depend(e.index, m.group(1), "");
                    }
                }
            }
        }
        return inventory(source, graph, entries.values());
    }

    private LockfileInventory inventory(LockfileSource source, PackageGraph graph, Iterable<Entry> entries) {
        BitSet roots = graph.roots();
        List<Component> components = new ArrayList<>();
        for (Entry e : entries) {
            JsonNode p = e.first;
            String name = NAME.matcher(JsonFields.text(p, "name")).results().findFirst().orElseThrow().group(1);
            components.add(Component.builder(Ecosystem.PYPI, name, JsonFields.text(p, "version"))
                    .location(source.at(e.line))
                    .scope(e.groups.isEmpty() || e.groups.contains("default") ? Scope.RUNTIME : Scope.DEV)
                    .direct(roots.get(e.index))
                    .source(source(p))
                    .hashes(List.copyOf(e.hashes))
                    .attribute("python:markers", JsonFields.text(p, "marker"))
                    .attribute("python:extras", String.join(",", e.extras))
                    .attribute("python:vcs-commit", JsonFields.text(p, "revision"))
                    .build());
        }
        return new LockfileInventory(source.displayPath(), name(), Ecosystem.PYPI, components,
                graph.dependencies(components));
    }

    private static void checkVersion(PythonToml toml) {
        String version = JsonFields.text(toml.root().path("metadata"), "lock_version");
        if (!version.startsWith("3.") && !version.startsWith("4.")) {
            throw new LockfileParseException(toml.source(), toml.lineOfKey("lock_version"),
                    "unsupported pdm lock_version '" + version + "' (known: 3.x, 4.x)");
        }
    }

    private static void addExtras(Set<String> extras, String list) {
        if (list != null) {
            for (String x : list.split(",")) {
                if (!x.isBlank()) {
                    extras.add(x.strip());
                }
            }
        }
    }

    private static Source source(JsonNode p) {
        if (p.has("git")) {
            return PythonSources.git(JsonFields.text(p, "git"));
        }
        if (p.has("path")) {
            return PythonSources.directory(JsonFields.text(p, "path"), p.path("editable").asBoolean(false));
        }
        if (p.has("url")) {
            return PythonSources.archive(JsonFields.text(p, "url"));
        }
        return PythonSources.registry("");
    }
}
