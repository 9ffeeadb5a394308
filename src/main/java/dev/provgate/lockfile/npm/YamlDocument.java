// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.lockfile.support.YamlLimits;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A YAML lockfile (pnpm-lock.yaml, yarn berry) as trees whose scalars are all text (so {@code 1.10} stays
 * {@code 1.10}), with the line of every top-level key and of every key one level below. Duplicate keys, deep
 * nesting and aliases (no lockfile writes them; refusing them rules out alias bombs) are refused.
 */
final class YamlDocument {
    static final int MAX_NESTING = YamlLimits.MAX_NESTING;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(YamlLimits.loaderOptions())
            .build();

    /** A key with the line it is declared on and its value. */
    record Entry(String key, int line, JsonNode value) {
    }

    /** A top-level key; {@code entries} holds the keys below it when its value is a mapping. */
    record Section(String key, int line, JsonNode value, List<Entry> entries) {
    }

    private YamlDocument() {
    }

    /** The top-level mapping of the document, in file order. */
    static Map<String, Section> read(LockfileSource source, String text) {
        TextInput.requireShortLines(source, text);
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LockfileParseException(source, JsonInput.line(p), "expected a YAML mapping at the top");
            }
            Map<String, Section> sections = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = JsonInput.line(p);
                JsonToken t = p.nextToken();
                List<Entry> entries = t == JsonToken.START_OBJECT ? readEntries(source, p) : List.of();
                JsonNode value = t == JsonToken.START_OBJECT ? objectOf(source, entries) : readValue(source, p, 1);
                if (sections.put(key, new Section(key, line, value, entries)) != null) {
                    throw new LockfileParseException(source, line, "duplicate key '" + key + "'");
                }
            }
            if (p.nextToken() != null) {
                throw new LockfileParseException(source, JsonInput.line(p), "more than one YAML document");
            }
            return sections;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new LockfileParseException(source.displayPath(), line, "invalid YAML: "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new LockfileParseException(source.displayPath(), mark == null ? 0 : mark.getLine() + 1,
                    "invalid YAML: " + firstLine(e.getProblem()), e);
        } catch (YAMLException | IOException e) {
            throw new LockfileParseException(source.displayPath(), 0, "invalid YAML: " + firstLine(e.getMessage()),
                    e);
        }
    }

    /** The entries of a section that must be a mapping; an absent or empty section has none. */
    static List<Entry> mapping(LockfileSource source, Map<String, Section> doc, String key) {
        Section s = doc.get(key);
        if (s == null || s.value().isNull() || (s.value().isTextual() && s.value().asText().isEmpty())) {
            return List.of();
        }
        if (!s.value().isObject()) {
            throw new LockfileParseException(source, s.line(), "'" + key + "' must be a mapping");
        }
        return s.entries();
    }

    private static List<Entry> readEntries(LockfileSource source, JsonParser p) throws IOException {
        List<Entry> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = JsonInput.line(p);
            p.nextToken();
            entries.add(new Entry(key, line, readValue(source, p, 2)));
        }
        return entries;
    }

    private static ObjectNode objectOf(LockfileSource source, List<Entry> entries) {
        ObjectNode node = NODES.objectNode();
        for (Entry e : entries) {
            if (node.replace(e.key(), e.value()) != null) {
                throw new LockfileParseException(source, e.line(), "duplicate key '" + e.key() + "'");
            }
        }
        return node;
    }

    private static JsonNode readValue(LockfileSource source, JsonParser p, int depth) throws IOException {
        if (depth > MAX_NESTING) {
            throw new LockfileParseException(source, JsonInput.line(p), "nested deeper than " + MAX_NESTING);
        }
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new LockfileParseException(source, JsonInput.line(p),
                    "YAML alias '*" + yaml.getText() + "': lockfiles never use aliases, refused");
        }
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode node = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int line = JsonInput.line(p);
                    p.nextToken();
                    if (node.replace(key, readValue(source, p, depth + 1)) != null) {
                        throw new LockfileParseException(source, line, "duplicate key '" + key + "'");
                    }
                }
                return node;
            }
            case START_ARRAY -> {
                ArrayNode node = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    node.add(readValue(source, p, depth + 1));
                }
                return node;
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(p.getText());
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
