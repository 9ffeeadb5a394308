// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one lockfile entry's fields (JSON or YAML trees): a field of the wrong type is an input error at
 * the entry's line, never a silent default.
 */
record Fields(LockfileSource source, int line, JsonNode node) {

    /** The string value, or {@code fallback} when absent or null. */
    String text(String field, String fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string");
        }
        return v.asText();
    }

    /** The {@code resolved} URL; npm 6 writes {@code false} there for some bundled packages, meaning none. */
    String resolved() {
        JsonNode v = node.get("resolved");
        return v != null && v.isBoolean() && !v.booleanValue() ? "" : text("resolved", "");
    }

    /** The boolean value (YAML trees hold scalars as text, so {@code "true"} counts); false when absent. */
    boolean flag(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return v.asText().equals("true");
        }
        throw wrongType(field, "true or false");
    }

    /** The object value, or an empty object when absent. */
    JsonNode object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw wrongType(field, "an object");
        }
        return v;
    }

    /** The keys of an object-valued field (dependency names), in file order. */
    List<String> keys(String field) {
        List<String> names = new ArrayList<>();
        object(field).properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    /** The entries of an object-valued field whose values are strings (name to range). */
    Map<String, String> strings(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields inner = new Fields(source, line, object(field));
        for (String key : keys(field)) {
            out.put(key, inner.text(key, ""));
        }
        return out;
    }

    Fields child(String field) {
        return new Fields(source, line, object(field));
    }

    LockfileParseException wrongType(String field, String expected) {
        return new LockfileParseException(source, line, "'" + field + "' must be " + expected);
    }
}
