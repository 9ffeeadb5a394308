// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * {@code uv.lock} version 1, with and without {@code revision}. Scope comes from the graph: what the workspace
 * packages reach through {@code dependencies} is runtime, what only their optional dependencies reach is optional,
 * what only their dev dependencies reach is dev. See docs/formats-python.md.
 */
public final class UvLockParser implements PythonLockfileParser {
    @Override
    public String name() {
        return "python/uv-lock";
    }

    @Override
    public boolean accepts(String relativePath) {
        return PythonLockfileParser.hasFileName(relativePath, "uv.lock");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        PythonToml toml = PythonToml.read(source);
        JsonNode version = toml.root().path("version");
        if (!version.isInt() || version.asInt() != 1) {
            throw new LockfileParseException(source, version.isMissingNode() ? 1 : toml.lineOfKey("version"),
                    "unsupported uv.lock version '" + version.asText() + "' (known: 1)");
        }
        List<JsonNode> packages = toml.tables("package");
        List<Integer> lines = toml.headerLines("package", packages.size());
        PackageGraph all = new PackageGraph();
        PackageGraph runtime = new PackageGraph();
        List<Integer> workspace = new ArrayList<>();
        List<Component.Builder> builders = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            int line = lines.get(i);
            String name = JsonFields.required(source, p, "name", line);
            String v = JsonFields.text(p, "version");
            Source origin = source(source, line, p.path("source"));
            if (origin.kind() == SourceKind.WORKSPACE) {
                workspace.add(i);
            }
            all.add(name, v);
            runtime.add(name, v);
            builders.add(Component.builder(Ecosystem.PYPI, name, v).location(source.at(line)).source(origin)
                    .hashes(hashes(source, line, p)));
        }
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            boolean root = workspace.contains(i);
            link(all, i, p.path("dependencies"));
            link(runtime, i, p.path("dependencies"));
            for (JsonNode group : p.path("optional-dependencies")) {
                link(all, i, group);
                if (!root) {
                    link(runtime, i, group);
                }
            }
            for (JsonNode group : p.path("dev-dependencies")) {
                link(all, i, group);
            }
        }
        return inventory(source, packages, workspace, all, runtime, builders);
    }

    private LockfileInventory inventory(LockfileSource source, List<JsonNode> packages, List<Integer> workspace,
                                        PackageGraph all, PackageGraph runtime, List<Component.Builder> builders) {
        List<Integer> mainTargets = new ArrayList<>();
        List<Integer> optionalTargets = new ArrayList<>();
        List<Integer> devTargets = new ArrayList<>();
        for (int w : workspace) {
            JsonNode p = packages.get(w);
            mainTargets.addAll(targets(all, p.path("dependencies")));
            p.path("optional-dependencies").forEach(g -> optionalTargets.addAll(targets(all, g)));
            p.path("dev-dependencies").forEach(g -> devTargets.addAll(targets(all, g)));
        }
        BitSet direct = new BitSet();
        mainTargets.forEach(direct::set);
        optionalTargets.forEach(direct::set);
        devTargets.forEach(direct::set);
        mainTargets.addAll(workspace);
        BitSet inRuntime = runtime.reachable(mainTargets);
        BitSet inOptional = runtime.reachable(optionalTargets);
        BitSet inDev = runtime.reachable(devTargets);
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < builders.size(); i++) {
            Scope scope = inRuntime.get(i) || !(inOptional.get(i) || inDev.get(i)) ? Scope.RUNTIME
                    : inOptional.get(i) ? Scope.OPTIONAL : Scope.DEV;
            components.add(builders.get(i).scope(scope).direct(direct.get(i)).build());
        }
        return new LockfileInventory(source.displayPath(), name(), Ecosystem.PYPI, components,
                all.dependencies(components));
    }

    private static void link(PackageGraph graph, int from, JsonNode deps) {
        for (JsonNode d : deps) {
            graph.depend(from, JsonFields.text(d, "name"), JsonFields.text(d, "version"));
        }
    }

    private static List<Integer> targets(PackageGraph graph, JsonNode deps) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode d : deps) {
            out.addAll(graph.resolve(JsonFields.text(d, "name"), JsonFields.text(d, "version")));
        }
        return out;
    }

    private static Source source(LockfileSource source, int line, JsonNode s) {
        if (s.has("registry")) {
            return PythonSources.registry(JsonFields.text(s, "registry"));
        }
        if (s.has("git")) {
            return PythonSources.git(JsonFields.text(s, "git"));
        }
        if (s.has("editable") || s.has("virtual")) {
            return PythonSources.directory(JsonFields.text(s, s.has("editable") ? "editable" : "virtual"), true);
        }
        if (s.has("path") || s.has("directory")) {
            return PythonSources.directory(JsonFields.text(s, s.has("path") ? "path" : "directory"), false);
        }
        if (s.has("url")) {
            return PythonSources.archive(JsonFields.text(s, "url"));
        }
        throw new LockfileParseException(source, line, "package without a known 'source' (registry, git, path, "
                + "directory, editable, virtual or url)");
    }

    /** The sdist and each wheel: one hash per distribution file, named by the URL's (or path's) last segment. */
    private static List<Hash> hashes(LockfileSource source, int line, JsonNode p) {
        List<Hash> out = new ArrayList<>();
        List<JsonNode> files = new ArrayList<>();
        if (p.has("sdist")) {
            files.add(p.path("sdist"));
        }
        p.path("wheels").forEach(files::add);
        for (JsonNode f : files) {
            String spec = JsonFields.text(f, "hash");
            if (!spec.isEmpty()) {
                String where = f.has("url") ? JsonFields.text(f, "url") : f.has("path") ? JsonFields.text(f, "path")
                        : JsonFields.text(p.path("source"), "url");
                out.add(PythonHashes.parse(source, line, spec, PythonHashes.fileName(where)));
            }
        }
        return out;
    }
}
