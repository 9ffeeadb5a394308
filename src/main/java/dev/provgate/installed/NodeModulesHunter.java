// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code node_modules} folder: every installed package's {@code package.json} (nested in other packages'
 * node_modules, scoped, and pnpm's {@code .pnpm/NAME@VERSION/node_modules}), with the install-time scripts it
 * declares; every file hashed for the known-bad digests. Symbolic links (pnpm's top level, workspace links) are
 * not followed: what they point to inside the root is read where it lies.
 */
final class NodeModulesHunter {
    static final String FORMAT = "npm/node_modules";
    private static final List<String> LIFECYCLE = List.of("preinstall", "install", "postinstall");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HuntSettings settings;

    NodeModulesHunter(HuntSettings settings) {
        this.settings = settings;
    }

    RootResult hunt(Path root, String display) throws IOException {
        HashedRoot read = HashedRoot.read(root, display, settings);
        Located at = read.at();
        List<Finding> findings = new ArrayList<>();
        Map<String, Component> packages = new TreeMap<>();
        for (String rel : read.listing().files().keySet()) {
            if (rel.endsWith("package.json")) {
                packageDir(rel).ifPresent(dir -> read(root, rel, at, findings).ifPresent(c -> packages.put(dir, c)));
            }
        }
        List<Dependency> nesting = new ArrayList<>();
        packages.forEach((dir, c) -> parentOf(dir, packages).ifPresent(p -> nesting.add(new Dependency(p.purl(),
                c.purl()))));
        List<Component> components = new ArrayList<>(packages.values());
        components.addAll(KnownBadFiles.of(read.hashed(), settings, at, rel -> ownerOf(rel, packages)));
        return read.result(FORMAT, Ecosystem.NPM, components, nesting, findings);
    }

    /**
     * The package folder a package.json path belongs to, when it is a package's own manifest: names (scoped ones
     * two segments) separated by {@code node_modules}, pnpm's store entered through {@code .pnpm/ENTRY/node_modules}.
     */
    static Optional<String> packageDir(String rel) {
        String[] s = rel.split("/");
        int i = 0;
        while (i < s.length) {
            if (s[i].equals(".pnpm") && i + 2 < s.length && s[i + 2].equals("node_modules")) {
                i += 3;
                continue;
            }
            if (s[i].startsWith(".")) {
                return Optional.empty();
            }
            i += s[i].startsWith("@") ? 2 : 1;
            if (i == s.length - 1 && s[i].equals("package.json")) {
                return Optional.of(String.join("/", java.util.Arrays.copyOf(s, i)));
            }
            if (i >= s.length || !s[i].equals("node_modules")) {
                return Optional.empty();
            }
            i++;
        }
        return Optional.empty();
    }

    /** The package whose node_modules holds this folder, if any. */
    private static Optional<Component> parentOf(String dir, Map<String, Component> packages) {
        int nm = dir.lastIndexOf("/node_modules/");
        return nm < 0 ? Optional.empty() : Optional.ofNullable(packages.get(dir.substring(0, nm)));
    }

    /** The innermost package folder that holds a file. */
    private static Optional<Component> ownerOf(String rel, Map<String, Component> packages) {
        for (String dir = rel; dir.contains("/"); dir = dir.substring(0, dir.lastIndexOf('/'))) {
            Component c = packages.get(dir.substring(0, dir.lastIndexOf('/')));
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static Optional<Component> read(Path root, String rel, Located at, List<Finding> findings) {
        JsonNode json;
        try {
            json = JSON.readTree(TextFiles.read(root.resolve(rel)));
        } catch (JsonProcessingException e) {
            findings.add(unreadable(rel, at, "is not JSON (line " + e.getLocation().getLineNr() + ")"));
            return Optional.empty();
        } catch (IOException e) {
            findings.add(unreadable(rel, at, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
        String name = json.path("name").asText("");
        String version = json.path("version").asText("");
        if (!json.isObject() || name.isEmpty()) {
            findings.add(unreadable(rel, at, "names no package"));
            return Optional.empty();
        }
        List<String> scripts = new ArrayList<>();
        for (String hook : LIFECYCLE) {
            JsonNode script = json.path("scripts").path(hook);
            if (script.isTextual()) {
                scripts.add(hook + ": " + script.asText());
            }
        }
        boolean nested = rel.indexOf("/node_modules/") > 0;
        Component c = Component.builder(Ecosystem.NPM, name, version).direct(!nested)
                .location(at.file(rel, 0)).installScript(InstallScript.flagged(!scripts.isEmpty())).build();
        if (!scripts.isEmpty()) {
            findings.add(HuntRules.finding(HuntRules.INSTALL_SCRIPT, Severity.INFO, c, c.location(),
                    c.coordinates() + " ran install-time scripts: " + String.join("; ", scripts), ""));
        }
        return Optional.of(c);
    }

    private static Finding unreadable(String rel, Located at, String why) {
        return HuntRules.finding(HuntRules.UNVERIFIED, Severity.WARN, HuntRules.unowned(rel, at.file(rel, 0)),
                at.file(rel, 0), rel + " " + why + ": the package it belongs to is not checked", "");
    }
}
