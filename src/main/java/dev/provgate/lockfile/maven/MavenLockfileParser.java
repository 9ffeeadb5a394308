// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * maven-lockfile's {@code lockfile.json} (chains-project), every dialect since 2023. One component per artifact
 * Maven kept ({@code included}, or every node in the 2023 dialect, which has no such field); a node Maven dropped
 * in version mediation is an edge to the version it lost to. Maven plugins and extensions are not listed.
 */
public final class MavenLockfileParser extends MavenFileParser {
    public static final String NAME = "maven/maven-lockfile";

    public MavenLockfileParser() {
        super(NAME);
    }



    /** By name; the content decides (other tools write {@code lockfile.json} too), see {@link #parse}. */
    @Override
    public boolean accepts(String relativePath) {
        return fileName(relativePath).equals("lockfile.json");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        JsonParser p = JsonInput.openObject(source);
        List<LockNode> roots = new ArrayList<>();
        boolean[] versioned = {false};
        JsonInput.forEachField(source, p, (name, line, parser) -> {
            switch (name) {
                case "lockFileVersion" -> {
                    versioned[0] = true;
                    JsonInput.skip(source, parser);
                }
                case "dependencies" -> {
                    requireArray(source, parser, name);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        roots.add(LockNode.read(source, parser));
                    }
                }
                default -> JsonInput.skip(source, parser);
            }
        });
        JsonInput.requireEnd(source, p);
        if (!versioned[0]) {
            throw new LockfileParseException(source, 1, "not a maven-lockfile lockfile.json (no 'lockFileVersion'): "
                    + "provgate reads lockfile.json only as maven-lockfile output");
        }
        return inventory(source, roots);
    }

    static void requireArray(LockfileSource source, JsonParser p, String field) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new LockfileParseException(source, JsonInput.line(p), "'" + field + "' must be an array");
        }
    }

    private static LockfileInventory inventory(LockfileSource source, List<LockNode> roots) {
        Map<String, Component> components = new LinkedHashMap<>();
        Set<Dependency> edges = new HashSet<>();
        for (LockNode root : roots) {
            collect(source, root, null, true, components, edges);
        }
        List<Dependency> kept = edges.stream().filter(e -> components.containsKey(e.to())).toList();
        return new LockfileInventory(source.displayPath(), NAME, Ecosystem.MAVEN,
                List.copyOf(components.values()), kept);
    }

    private static void collect(LockfileSource source, LockNode node, String parentPurl, boolean top,
                                Map<String, Component> components, Set<Dependency> edges) {
        String version = node.included() ? node.version() : node.selectedVersion();
        String purl = MavenComponents.purl(source, node.line(), node.group(), node.artifact(), version,
                node.classifier(), node.type());
        if (node.included()) {
            Component existing = components.get(purl);
            if (existing == null) {
                components.put(purl, component(source, node, top));
            } else if (top && !existing.direct()) {
                components.put(purl, existing.toBuilder().direct(true).build());
            }
        }
        if (parentPurl != null) {
            edges.add(new Dependency(parentPurl, purl));
        }
        for (LockNode child : node.children()) {
            collect(source, child, node.included() ? purl : null, false, components, edges);
        }
    }

    private static Component component(LockfileSource source, LockNode n, boolean direct) {
        Component.Builder b = MavenComponents.builder(source, n.line(), n.group(), n.artifact(), n.version(),
                        n.classifier(), n.type(), n.scope(), n.optional())
                .direct(direct)
                .location(source.at(n.line()))
                .source(source(n.resolved(), n.group(), n.artifact(), n.version()));
        if (!n.checksum().isEmpty()) {
            b.hash(hash(source, n));
        }
        return b.build();
    }

    private static Hash hash(LockfileSource source, LockNode n) {
        HashAlgorithm algorithm = HashAlgorithm.parse(n.checksumAlgorithm()).orElseThrow(() ->
                new LockfileParseException(source, n.line(), "unknown checksumAlgorithm '" + n.checksumAlgorithm()
                        + "' for " + n.group() + ":" + n.artifact()));
        String hex = n.checksum();
        int expected = algorithm.length() * 2;
        if (hex.length() < expected && hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            // maven-lockfile before 2024 printed digests as numbers, dropping leading zeros
            hex = "0".repeat(expected - hex.length()) + hex;
        }
        try {
            return new Hash(algorithm, hex);
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, n.line(), "checksum of " + n.group() + ":" + n.artifact()
                    + " is not a " + algorithm.cyclonedxName() + " digest");
        }
    }

    /** The resolved URL, and the repository base when the URL has the Maven layout. */
    static Source source(String resolved, String group, String artifact, String version) {
        String layout = "/" + group.replace('.', '/') + "/" + artifact + "/" + version + "/";
        int at = resolved.indexOf(layout);
        String registry = at > 0 ? resolved.substring(0, at + 1) : "";
        return new Source(SourceKind.REGISTRY, resolved, registry);
    }

    /** One node of the dependency tree as the file spells it. */
    record LockNode(String group, String artifact, String version, String classifier, String type, String scope,
                    boolean optional, String checksumAlgorithm, String checksum, String resolved, boolean included,
                    String selectedVersion, int line, List<LockNode> children) {

        static LockNode read(LockfileSource source, JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new LockfileParseException(source, JsonInput.line(p), "a dependency must be a JSON object");
            }
            int line = JsonInput.line(p);
            Map<String, String> fields = new LinkedHashMap<>();
            List<LockNode> children = new ArrayList<>();
            JsonInput.forEachField(source, p, (name, l, parser) -> {
                if (name.equals("children")) {
                    requireArray(source, parser, name);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        children.add(read(source, parser));
                    }
                } else if (parser.currentToken().isScalarValue()) {
                    String value = parser.getValueAsString();
                    if (value != null) { // null ("checksum": null) is as if absent
                        fields.put(name, value);
                    }
                } else {
                    JsonInput.skip(source, parser);
                }
            });
            String group = required(source, line, fields, "groupId", "groupID");
            String artifact = required(source, line, fields, "artifactId", "artifactID");
            String version = required(source, line, fields, "version", "version");
            return new LockNode(group, artifact, version, fields.getOrDefault("classifier", ""),
                    fields.getOrDefault("type", "jar"), fields.getOrDefault("scope", ""),
                    Boolean.parseBoolean(fields.get("optional")), fields.getOrDefault("checksumAlgorithm", ""),
                    fields.getOrDefault("checksum", ""), fields.getOrDefault("resolved", ""),
                    !"false".equals(fields.get("included")), fields.getOrDefault("selectedVersion", version), line,
                    List.copyOf(children));
        }

        private static String required(LockfileSource source, int line, Map<String, String> fields, String name,
                                       String otherSpelling) {
            String v = fields.getOrDefault(name, fields.get(otherSpelling));
            if (v == null || v.isBlank()) {
                throw new LockfileParseException(source, line, "dependency without '" + name + "'");
            }
            return v;
        }
    }
}
