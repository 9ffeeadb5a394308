// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.util.Set;

/** A CycloneDX 1.4 to 1.6 JSON SBOM as input: components (nested ones too), hashes, scopes, dependencies. */
public final class CycloneDxJsonReader extends SbomReader {
    public static final String NAME = "sbom/cyclonedx-json";

    public CycloneDxJsonReader() {
        super(NAME, Set.of("bom.json"), Set.of(".bom.json", ".cdx.json"));
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        SbomDocument doc = new SbomDocument();
        String[] header = {"", ""};
        JsonValues.readDocument(source, (name, line, parser) -> {
            switch (name) {
                case "bomFormat" -> header[0] = checkFormat(source, parser);
                case "specVersion" -> header[1] = checkSpecVersion(source, parser);
                case "metadata" -> readMetadata(source, parser, doc);
                case "components" -> readComponents(source, parser, doc, 0);
                case "dependencies" -> readDependencies(source, parser, doc);
                default -> JsonInput.skip(source, parser);
            }
        });
        if (header[0].isEmpty()) {
            throw new LockfileParseException(source, 1, "not a CycloneDX SBOM: no \"bomFormat\": \"CycloneDX\"");
        }
        if (header[1].isEmpty()) {
            throw new LockfileParseException(source, 1, "CycloneDX SBOM without a specVersion");
        }
        return new SbomInventoryBuilder(source).build(NAME, doc);
    }

    private static String checkFormat(LockfileSource source, JsonParser p) throws IOException {
        String format = JsonValues.string(source, p, "bomFormat");
        if (!format.equals("CycloneDX")) {
            throw new LockfileParseException(source, JsonInput.line(p),
                    "not a CycloneDX SBOM: bomFormat is '" + format + "'");
        }
        return format;
    }

    private static String checkSpecVersion(LockfileSource source, JsonParser p) throws IOException {
        String version = JsonValues.string(source, p, "specVersion");
        if (SpecVersion.fromLabel(version).isEmpty()) {
            throw new LockfileParseException(source, JsonInput.line(p), "CycloneDX specVersion '" + version
                    + "' is not supported (" + SpecVersion.labels() + ")");
        }
        return version;
    }

    /** Only the subject's bom-ref matters: what it depends on is direct. */
    private static void readMetadata(LockfileSource source, JsonParser p, SbomDocument doc) {
        JsonValues.requireObject(source, p, "metadata");
        JsonInput.forEachField(source, p, (name, line, parser) -> {
            if (name.equals("component")) {
                String ref = JsonValues.text(source, JsonValues.object(source, parser, "metadata.component"),
                        "bom-ref", line);
                if (!ref.isEmpty()) {
                    doc.subjects.add(ref);
                }
            } else {
                JsonInput.skip(source, parser);
            }
        });
    }

    private static void readComponents(LockfileSource source, JsonParser p, SbomDocument doc, int depth)
            throws IOException {
        if (depth > JsonInput.MAX_NESTING) {
            throw new LockfileParseException(source, JsonInput.line(p), "components nested too deeply");
        }
        JsonValues.forEachElement(source, p, "components", (line, parser) -> {
            JsonValues.requireObject(source, parser, "a component");
            SbomEntry entry = new SbomEntry(line);
            doc.entries.add(entry);
            JsonInput.forEachField(source, parser, (name, fieldLine, value) ->
                    readComponentField(source, value, doc, depth, entry, name));
        });
    }

    private static void readComponentField(LockfileSource source, JsonParser p, SbomDocument doc, int depth,
                                           SbomEntry entry, String name) throws IOException {
        switch (name) {
            case "bom-ref" -> entry.ref = JsonValues.string(source, p, "bom-ref");
            case "group" -> entry.group = JsonValues.string(source, p, "group");
            case "name" -> entry.name = JsonValues.string(source, p, "name");
            case "version" -> entry.version = JsonValues.string(source, p, "version");
            case "scope" -> entry.scope = JsonValues.string(source, p, "scope");
            case "purl" -> {
                entry.purl = JsonValues.string(source, p, "purl");
                entry.purlLine = JsonInput.line(p);
            }
            case "hashes" -> JsonValues.forEachElement(source, p, "hashes", (line, el) -> {
                JsonNode h = JsonValues.object(source, el, "a hash");
                entry.hashes.add(new SbomEntry.RawHash(JsonValues.text(source, h, "alg", line),
                        JsonValues.text(source, h, "content", line), line));
            });
            case "externalReferences" -> JsonValues.forEachElement(source, p, "externalReferences", (line, el) -> {
                JsonNode r = JsonValues.object(source, el, "an external reference");
                entry.externalReference(JsonValues.text(source, r, "type", line),
                        JsonValues.text(source, r, "url", line));
            });
            case "properties" -> JsonValues.forEachElement(source, p, "properties", (line, el) -> {
                JsonNode prop = JsonValues.object(source, el, "a property");
                entry.properties.add(new SbomEntry.RawProperty(JsonValues.text(source, prop, "name", line),
                        JsonValues.text(source, prop, "value", line)));
            });
            case "components" -> readComponents(source, p, doc, depth + 1);
            default -> JsonInput.skip(source, p);
        }
    }

    private static void readDependencies(LockfileSource source, JsonParser p, SbomDocument doc)
            throws IOException {
        JsonValues.forEachElement(source, p, "dependencies", (line, el) -> {
            JsonNode dep = JsonValues.object(source, el, "a dependency");
            String ref = JsonValues.text(source, dep, "ref", line);
            JsonNode dependsOn = dep.get("dependsOn");
            if (dependsOn == null || dependsOn.isNull()) {
                return;
            }
            if (!dependsOn.isArray()) {
                throw new LockfileParseException(source, line, "'dependsOn' must be an array");
            }
            for (JsonNode to : dependsOn) {
                if (!to.isTextual()) {
                    throw new LockfileParseException(source, line, "'dependsOn' must list bom-refs (strings)");
                }
                doc.edges.add(new SbomDocument.Edge(ref, to.textValue()));
            }
        });
    }
}
