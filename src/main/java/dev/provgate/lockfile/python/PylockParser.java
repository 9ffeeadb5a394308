// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code pylock.toml} and {@code pylock.<name>.toml} (PEP 751), lock-version 1.x. The file is flat and has no
 * dependency graph, so every package is direct and runtime. See docs/formats-python.md.
 */
public final class PylockParser implements PythonLockfileParser {
    private static final Pattern FILE_NAME = Pattern.compile("(^|.*/)pylock(\\.[^./]+)?\\.toml");

    @Override
    public String name() {
        return "python/pylock";
    }

    @Override
    public boolean accepts(String relativePath) {
        return FILE_NAME.matcher(relativePath).matches();
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        PythonToml toml = PythonToml.read(source);
        String version = JsonFields.text(toml.root(), "lock-version");
        if (!version.startsWith("1.")) {
            throw new LockfileParseException(source, Math.max(toml.lineOfKey("lock-version"), 1),
                    "unsupported pylock lock-version '" + version + "' (known: 1.x)");
        }
        List<JsonNode> packages = toml.tables("packages");
        List<Integer> lines = toml.headerLines("packages", packages.size());
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            int line = lines.get(i);
            String name = JsonFields.required(source, p, "name", line);
            Source origin = source(p);
            components.add(Component.builder(Ecosystem.PYPI, name, JsonFields.text(p, "version"))
                    .location(source.at(line))
                    .direct(true)
                    .source(origin)
                    .hashes(hashes(source, line, p))
                    .attribute("python:markers", JsonFields.text(p, "marker"))
                    .attribute("python:vcs-commit", JsonFields.text(p.path("vcs"), "commit-id"))
                    .build());
        }
        return new LockfileInventory(source.displayPath(), name(), Ecosystem.PYPI, components, List.of());
    }

    private static Source source(JsonNode p) {
        if (p.has("vcs")) {
            JsonNode vcs = p.path("vcs");
            String where = vcs.has("url") ? JsonFields.text(vcs, "url") : JsonFields.text(vcs, "path");
            return "git".equals(JsonFields.text(vcs, "type")) ? PythonSources.git(where)
                    : Source.of(SourceKind.URL, where);
        }
        if (p.has("directory")) {
            JsonNode dir = p.path("directory");
            return PythonSources.directory(JsonFields.text(dir, "path"), dir.path("editable").asBoolean(false));
        }
        if (p.has("archive")) {
            JsonNode archive = p.path("archive");
            return archive.has("url") ? PythonSources.archive(JsonFields.text(archive, "url"))
                    : PythonSources.directory(JsonFields.text(archive, "path"), false);
        }
        return PythonSources.registry(JsonFields.text(p, "index"));
    }

    /** Every digest of the sdist, each wheel and the archive, named by the file's name, URL or path. */
    private static List<Hash> hashes(LockfileSource source, int line, JsonNode p) {
        List<JsonNode> files = new ArrayList<>();
        if (p.has("sdist")) {
            files.add(p.path("sdist"));
        }
        p.path("wheels").forEach(files::add);
        if (p.has("archive")) {
            files.add(p.path("archive"));
        }
        List<Hash> out = new ArrayList<>();
        for (JsonNode f : files) {
            String file = f.has("name") ? JsonFields.text(f, "name")
                    : PythonHashes.fileName(JsonFields.text(f, f.has("url") ? "url" : "path"));
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("hashes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> h = it.next();
                out.add(PythonHashes.of(source, line, h.getKey(), h.getValue().asText(), file));
            }
        }
        return out;
    }
}
