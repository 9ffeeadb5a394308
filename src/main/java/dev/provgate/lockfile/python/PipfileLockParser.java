// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Pipfile.lock} (pipfile-spec 6): {@code default} is runtime, {@code develop} is dev. The lock is flat, with
 * no graph and no mark of what the Pipfile asked for, so every entry counts as direct and no edges are recorded; a
 * name in both sections is two components. See docs/formats-python.md.
 */
public final class PipfileLockParser implements PythonLockfileParser {
    private static final int KNOWN_SPEC = 6;

    @Override
    public String name() {
        return "python/pipfile-lock";
    }

    @Override
    public boolean accepts(String relativePath) {
        return PythonLockfileParser.hasFileName(relativePath, "Pipfile.lock");
    }

    private record Entry(String name, int line, Scope scope, JsonNode body) {
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        List<Entry> entries = new ArrayList<>();
        JsonNode[] meta = {null};
        int[] metaLine = {1};
        try (JsonParser p = JsonInput.openObject(source)) {
            JsonInput.forEachField(source, p, (field, line, parser) -> {
                switch (field) {
                    case "_meta" -> {
                        meta[0] = JsonInput.readTree(source, parser);
                        metaLine[0] = line;
                    }
                    case "default" -> readSection(source, parser, Scope.RUNTIME, entries);
                    case "develop" -> readSection(source, parser, Scope.DEV, entries);
                    default -> JsonInput.skip(source, parser);
                }
            });
            JsonInput.requireEnd(source, p);
        } catch (java.io.IOException e) {
            throw JsonInput.error(source, e);
        }
        if (meta[0] == null) {
            throw new LockfileParseException(source, 1, "no '_meta' object: not a Pipfile.lock");
        }
        JsonNode spec = meta[0].path("pipfile-spec");
        if (!spec.isInt() || spec.asInt() != KNOWN_SPEC) {
            throw new LockfileParseException(source, metaLine[0],
                    "unsupported pipfile-spec '" + spec.asText() + "' (known: " + KNOWN_SPEC + ")");
        }
        Map<String, String> indexes = new LinkedHashMap<>();
        meta[0].path("sources").forEach(s -> indexes.put(JsonFields.text(s, "name"), JsonFields.text(s, "url")));
        List<Component> components = new ArrayList<>();
        for (Entry e : entries) {
            components.add(component(source, e, indexes));
        }
        return new LockfileInventory(source.displayPath(), name(), Ecosystem.PYPI, components, List.of());
    }

    private static void readSection(LockfileSource source, JsonParser parser, Scope scope, List<Entry> out) {
        JsonInput.forEachField(source, parser, (name, line, p) -> {
            JsonNode body = JsonInput.readTree(source, p);
            if (!body.isObject()) {
                throw new LockfileParseException(source, line, "entry '" + name + "' is not an object");
            }
            out.add(new Entry(name, line, scope, body));
        });
    }

    private static Component component(LockfileSource source, Entry e, Map<String, String> indexes) {
        JsonNode b = e.body();
        String pin = JsonFields.text(b, "version");
        String version = pin.startsWith("===") ? pin.substring(3) : pin.startsWith("==") ? pin.substring(2) : "";
        List<Hash> hashes = new ArrayList<>();
        for (JsonNode h : b.path("hashes")) {
            hashes.add(PythonHashes.parse(source, e.line(), h.asText(), ""));
        }
        List<String> extras = new ArrayList<>();
        b.path("extras").forEach(x -> extras.add(x.asText()));
        return Component.builder(Ecosystem.PYPI, e.name(), version)
                .location(source.at(e.line()))
                .scope(e.scope())
                .direct(true)
                .source(source(source, e, indexes))
                .hashes(hashes)
                .attribute("python:markers", JsonFields.text(b, "markers"))
                .attribute("python:extras", String.join(",", extras))
                .attribute("python:specifier", version.isEmpty() ? pin : "")
                .attribute("python:vcs-ref", JsonFields.text(b, "ref"))
                .build();
    }

    private static Source source(LockfileSource source, Entry e, Map<String, String> indexes) {
        JsonNode b = e.body();
        if (b.has("git")) {
            return PythonSources.git(JsonFields.text(b, "git"));
        }
        if (b.has("path")) {
            return PythonSources.directory(JsonFields.text(b, "path"), b.path("editable").asBoolean(false));
        }
        if (b.has("file")) {
            return PythonSources.archive(JsonFields.text(b, "file"));
        }
        String index = JsonFields.text(b, "index");
        if (index.isEmpty()) {
            return PythonSources.registry(indexes.values().stream().findFirst().orElse(""));
        }
        if (!indexes.containsKey(index)) {
            throw new LockfileParseException(source, e.line(), "index '" + index + "' of '" + e.name()
                    + "' is not among _meta.sources");
        }
        return PythonSources.registry(indexes.get(index));
    }
}
