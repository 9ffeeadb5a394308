// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one OSV record (schema 1.0 to 1.7, JSON or YAML) into its facts. Lenient where OSV data is known to vary
 * (empty or missing id, missing aliases, no schema version); a file that is not a record at all is an
 * {@link AdvisoryFormatException} naming the file and line.
 */
public final class OsvParser {
    private OsvParser() {
    }

    /** Parses the bytes of a record file; the path decides JSON or YAML and names the record when it has no id. */
    public static OsvRecord parse(String path, byte[] bytes) {
        JsonNode tree = RecordTrees.read(path, bytes);
        try {
            return fromTree(tree, path);
        } catch (Shape e) {
            int line = e.pointer.isEmpty() ? 1 : RecordTrees.lineOf(path, bytes, JsonPointer.compile(e.pointer));
            throw new AdvisoryFormatException(path, line, e.getMessage());
        }
    }

    /** Maps a record tree; {@code database_specific.provgate} (the built-in snapshot's facts) is honoured. */
    static OsvRecord fromTree(JsonNode tree, String path) {
        object(tree, "");
        JsonNode own = tree.path("database_specific").path("provgate");
        String source = own.isObject() ? text(own, "source", path) : path;
        String id = text(tree, "id", "");
        boolean idMissing = id.isBlank();
        if (idMissing) {
            id = fileStem(source);
        }
        List<OsvAffected> affected = new ArrayList<>();
        JsonNode items = array(tree.path("affected"), "/affected");
        for (int i = 0; i < items.size(); i++) {
            affected.add(affected(items.get(i), "/affected/" + i));
        }
        List<String> aliases = strings(tree.path("aliases"), "/aliases");
        boolean malicious = own.isObject() ? own.path("malicious").asText().equals("true")
                : MaliciousRule.isMalicious(id, aliases, tree);
        List<FileDigest> digests = own.isObject() ? snapshotDigests(own.path("digests"))
                : IocDigests.of(tree, affected);
        return new OsvRecord(id.strip(), idMissing, aliases, text(tree, "published", ""), text(tree, "modified", ""),
                text(tree, "withdrawn", ""), malicious, affected, digests, source);
    }

    private static OsvAffected affected(JsonNode node, String pointer) {
        object(node, pointer);
        JsonNode pkg = node.path("package");
        if (!pkg.isMissingNode() && !pkg.isNull()) {
            object(pkg, pointer + "/package");
        }
        List<OsvRange> ranges = new ArrayList<>();
        JsonNode items = array(node.path("ranges"), pointer + "/ranges");
        for (int i = 0; i < items.size(); i++) {
            ranges.add(range(items.get(i), pointer + "/ranges/" + i));
        }
        return new OsvAffected(text(pkg, "ecosystem", ""), text(pkg, "name", ""),
                strings(node.path("versions"), pointer + "/versions"), ranges);
    }

    private static OsvRange range(JsonNode node, String pointer) {
        object(node, pointer);
        List<OsvEvent> events = new ArrayList<>();
        JsonNode items = array(node.path("events"), pointer + "/events");
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            object(e, pointer + "/events/" + i);
            e.fields().forEachRemaining(f -> OsvEvent.Kind.ofField(f.getKey())
                    .ifPresent(k -> events.add(new OsvEvent(k, f.getValue().asText().strip()))));
        }
        return new OsvRange(text(node, "type", ""), events);
    }

    private static List<FileDigest> snapshotDigests(JsonNode node) {
        List<FileDigest> digests = new ArrayList<>();
        for (JsonNode d : array(node, "/database_specific/provgate/digests")) {
            digests.add(new FileDigest(text(d, "ecosystem", ""), text(d, "name", ""), text(d, "version", ""),
                    text(d, "file", ""), text(d, "sha256", "")));
        }
        return digests;
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : fallback;
    }

    private static List<String> strings(JsonNode node, String pointer) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(node, pointer)) {
            if (!v.isValueNode()) {
                throw new Shape(pointer, "expected a list of strings");
            }
            if (!v.isNull() && !v.asText().isBlank()) {
                out.add(v.asText().strip());
            }
        }
        return out;
    }

    /** A missing or null value reads as an empty list; anything else but a list is an error. */
    private static JsonNode array(JsonNode node, String pointer) {
        if (node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw new Shape(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + ": expected a list");
        }
        return node;
    }

    private static void object(JsonNode node, String pointer) {
        if (!node.isObject()) {
            throw new Shape(pointer, (pointer.isEmpty() ? "advisory" : pointer.substring(1))
                    + ": expected an object");
        }
    }

    private static String fileStem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A record whose structure is not OSV's; the pointer finds the line. */
    private static final class Shape extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        Shape(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }
    }
}
