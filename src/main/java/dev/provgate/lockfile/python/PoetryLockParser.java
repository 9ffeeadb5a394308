// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Purls;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code poetry.lock}: the old format without {@code lock-version}, 1.x and 2.x. See docs/formats-python.md.
 */
public final class PoetryLockParser implements PythonLockfileParser {
    private static final Set<String> KNOWN_MAJOR_VERSIONS = Set.of("1", "2");

    @Override
    public String name() {
        return "python/poetry-lock";
    }

    @Override
    public boolean accepts(String relativePath) {
        return PythonLockfileParser.hasFileName(relativePath, "poetry.lock");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        PythonToml toml = PythonToml.read(source);
        checkVersion(toml);
        List<JsonNode> packages = toml.tables("package");
        List<Integer> lines = toml.headerLines("package", packages.size());
        JsonNode metadataFiles = toml.root().path("metadata").path("files");
        PackageGraph graph = new PackageGraph();
        List<Component.Builder> builders = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            int line = lines.get(i);
            String name = JsonFields.required(source, p, "name", line);
            String version = JsonFields.required(source, p, "version", line);
            graph.add(name, version);
            builders.add(Component.builder(Ecosystem.PYPI, name, version)
                    .location(source.at(line))
                    .scope(scope(p))
                    .source(source(source, line, p.path("source")))
                    .hashes(PythonHashes.fromFileEntries(source, line, filesOf(p, name, metadataFiles)))
                    .attribute("python:markers", JsonFields.text(p, p.has("markers") ? "markers" : "marker"))
                    .attribute("python:vcs-commit", JsonFields.text(p.path("source"), "resolved_reference")));
        }
        for (int i = 0; i < packages.size(); i++) {
            Iterator<String> deps = packages.get(i).path("dependencies").fieldNames();
            while (deps.hasNext()) {
                graph.depend(i, deps.next(), "");
            }
        }
        BitSet roots = graph.roots();
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < builders.size(); i++) {
            components.add(builders.get(i).direct(roots.get(i)).build());
        }
        return new LockfileInventory(source.displayPath(), name(), Ecosystem.PYPI, components,
                graph.dependencies(components));
    }

    private static void checkVersion(PythonToml toml) {
        JsonNode v = toml.root().path("metadata").path("lock-version");
        if (v.isMissingNode()) {
            return;
        }
        String version = v.asText();
        String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        if (!v.isTextual() || !KNOWN_MAJOR_VERSIONS.contains(major)) {
            throw new LockfileParseException(toml.source(), toml.lineOfKey("lock-version"),
                    "unsupported poetry lock-version '" + version + "' (known: 1.x, 2.x)");
        }
    }

    private static Scope scope(JsonNode p) {
        if (p.path("optional").asBoolean(false)) {
            return Scope.OPTIONAL;
        }
        if (p.has("category")) {
            return "dev".equals(p.path("category").asText()) ? Scope.DEV : Scope.RUNTIME;
        }
        if (p.has("groups")) {
            for (JsonNode g : p.path("groups")) {
                if ("main".equals(g.asText())) {
                    return Scope.RUNTIME;
                }
            }
            return Scope.DEV;
        }
        return Scope.RUNTIME;
    }

    private static Source source(LockfileSource source, int line, JsonNode s) {
        String url = JsonFields.text(s, "url");
        String type = JsonFields.text(s, "type");
        return switch (type) {
            case "", "legacy" -> PythonSources.registry(url);
            case "git" -> PythonSources.git(url);
            case "directory", "file" -> PythonSources.directory(url, false);
            case "url" -> PythonSources.archive(url);
            default -> throw new LockfileParseException(source, line, "unknown package source type '" + type + "'");
        };
    }

    /** Per-package {@code files} (1.x/2.x) or the package's entry in {@code [metadata.files]} (old, 1.x). */
    private static JsonNode filesOf(JsonNode p, String name, JsonNode metadataFiles) {
        if (p.has("files")) {
            return p.path("files");
        }
        if (metadataFiles.has(name)) {
            return metadataFiles.path(name);
        }
        String normalized = Purls.normalizePypiName(name);
        for (Iterator<Map.Entry<String, JsonNode>> it = metadataFiles.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (Purls.normalizePypiName(e.getKey()).equals(normalized)) {
                return e.getValue();
            }
        }
        return metadataFiles.path(name);
    }
}
