// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Scope;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An SPDX 2.x JSON document as input: packages with their purl ({@code PACKAGE-MANAGER purl} reference) and
 * checksums; dependency and containment relationships between packages become edges.
 */
public final class SpdxJsonReader extends SbomReader {
    public static final String NAME = "sbom/spdx-json";
    private static final Set<String> FORWARD = Set.of("DEPENDS_ON", "CONTAINS", "DYNAMIC_LINK", "STATIC_LINK");
    private static final Map<String, Scope> REVERSE = Map.of(
            "DEPENDENCY_OF", Scope.RUNTIME, "RUNTIME_DEPENDENCY_OF", Scope.RUNTIME,
            "CONTAINED_BY", Scope.RUNTIME, "OPTIONAL_DEPENDENCY_OF", Scope.OPTIONAL,
            "DEV_DEPENDENCY_OF", Scope.DEV, "TEST_DEPENDENCY_OF", Scope.DEV, "BUILD_DEPENDENCY_OF", Scope.DEV);
    private static final Set<String> NO_LOCATION = Set.of("NOASSERTION", "NONE");

    public SpdxJsonReader() {
        super(NAME, Set.of(), Set.of(".spdx.json"));
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        SbomDocument doc = new SbomDocument();
        boolean[] isSpdx = {false};
        JsonValues.readDocument(source, (name, line, parser) -> {
            switch (name) {
                case "spdxVersion" -> isSpdx[0] = checkVersion(source, parser);
                case "documentDescribes" -> JsonValues.forEachElement(source, parser, "documentDescribes",
                        (l, el) -> doc.subjects.add(JsonValues.string(source, el, "documentDescribes")));
                case "packages" -> JsonValues.forEachElement(source, parser, "packages",
                        (l, el) -> doc.entries.add(readPackage(source, el, l)));
                case "relationships" -> JsonValues.forEachElement(source, parser, "relationships",
                        (l, el) -> readRelationship(source, el, l, doc));
                default -> JsonInput.skip(source, parser);
            }
        });
        if (!isSpdx[0]) {
            throw new LockfileParseException(source, 1, "not an SPDX document: no \"spdxVersion\": \"SPDX-2.x\"");
        }
        return new SbomInventoryBuilder(source).build(NAME, doc);
    }

    private static boolean checkVersion(LockfileSource source, JsonParser p) throws IOException {
        String version = JsonValues.string(source, p, "spdxVersion");
        if (!version.startsWith("SPDX-2.")) {
            throw new LockfileParseException(source, JsonInput.line(p),
                    "spdxVersion '" + version + "' is not supported (SPDX-2.x JSON)");
        }
        return true;
    }

    private static SbomEntry readPackage(LockfileSource source, JsonParser p, int line) {
        JsonNode pkg = JsonValues.object(source, p, "a package");
        SbomEntry entry = new SbomEntry(line);
        entry.ref = JsonValues.text(source, pkg, "SPDXID", line);
        entry.name = JsonValues.text(source, pkg, "name", line);
        entry.version = JsonValues.text(source, pkg, "versionInfo", line);
        String download = JsonValues.text(source, pkg, "downloadLocation", line);
        if (!NO_LOCATION.contains(download)) {
            entry.externalReference("distribution", download);
        }
        for (JsonNode ref : array(source, pkg, "externalRefs", line)) {
            if ("purl".equals(JsonValues.text(source, ref, "referenceType", line)) && entry.purl.isEmpty()) {
                entry.purl = JsonValues.text(source, ref, "referenceLocator", line);
            }
        }
        for (JsonNode checksum : array(source, pkg, "checksums", line)) {
            entry.hashes.add(new SbomEntry.RawHash(JsonValues.text(source, checksum, "algorithm", line),
                    JsonValues.text(source, checksum, "checksumValue", line), line));
        }
        return entry;
    }

    private static Iterable<JsonNode> array(LockfileSource source, JsonNode object, String field, int line) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new LockfileParseException(source, line, "'" + field + "' must be an array");
        }
        for (JsonNode element : v) {
            if (!element.isObject()) {
                throw new LockfileParseException(source, line, "'" + field + "' must hold objects");
            }
        }
        return v;
    }

    /** Edges point from the depending package to its dependency; the document's DESCRIBES names the subject. */
    private static void readRelationship(LockfileSource source, JsonParser p, int line, SbomDocument doc) {
        JsonNode rel = JsonValues.object(source, p, "a relationship");
        String from = JsonValues.text(source, rel, "spdxElementId", line);
        String type = JsonValues.text(source, rel, "relationshipType", line);
        String to = JsonValues.text(source, rel, "relatedSpdxElement", line);
        if (type.equals("DESCRIBES") && from.equals("SPDXRef-DOCUMENT")) {
            doc.subjects.add(to);
        } else if (type.equals("DESCRIBED_BY") && to.equals("SPDXRef-DOCUMENT")) {
            doc.subjects.add(from);
        } else if (FORWARD.contains(type)) {
            doc.edges.add(new SbomDocument.Edge(from, to));
        } else if (REVERSE.containsKey(type)) {
            doc.edges.add(new SbomDocument.Edge(to, from));
            if (REVERSE.get(type) != Scope.RUNTIME) {
                doc.scopeHints.put(from, REVERSE.get(type));
            }
        }
    }
}
