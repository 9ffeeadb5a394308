// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.JsonPointerBasedFilter;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads advisory files (JSON, or YAML as PyPA writes it) into trees in which every scalar is a string: YAML's
 * {@code 1.10} stays {@code "1.10"}, never the number 1.1. Errors name the file and line.
 */
final class RecordTrees {
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(200).maxStringLength(16 * 1024 * 1024).maxNumberLength(1000).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    private static final YAMLFactory YAML = YAMLFactory.builder().streamReadConstraints(LIMITS).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordTrees() {
    }

    static boolean isYaml(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".yaml") || p.endsWith(".yml");
    }

    /** The document as a tree of objects, arrays, strings and nulls. */
    static JsonNode read(String path, byte[] bytes) {
        try (JsonParser p = parser(path, bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new AdvisoryFormatException(path, 1, "empty advisory file");
            }
            JsonNode tree = readValue(p);
            if (p.nextToken() != null) {
                throw new AdvisoryFormatException(path, line(p), "unexpected content after the document");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String what = isYaml(path) ? "invalid YAML: " : "invalid JSON: ";
            throw new AdvisoryFormatException(path, loc == null ? 0 : Math.max(loc.getLineNr(), 0),
                    what + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new AdvisoryFormatException(path, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The line where the value at the pointer starts, for error messages (0 when not found). */
    static int lineOf(String path, byte[] bytes, JsonPointer pointer) {
        try (JsonParser p = new FilteringParserDelegate(parser(path, bytes),
                new JsonPointerBasedFilter(pointer), TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, false)) {
            JsonToken t;
            int line = 0;
            while ((t = p.nextToken()) != null) {
                line = line(p);
                if (p.getParsingContext().pathAsPointer().equals(pointer) && t != JsonToken.FIELD_NAME) {
                    return line;
                }
            }
            return line;
        } catch (IOException e) {
            return 0;
        }
    }

    private static JsonParser parser(String path, byte[] bytes) throws IOException {
        return isYaml(path) ? YAML.createParser(bytes) : JSON.createParser(bytes);
    }

    private static JsonNode readValue(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, readValue(p));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readValue(p));
                }
                return a;
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(p.getText());
            }
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
