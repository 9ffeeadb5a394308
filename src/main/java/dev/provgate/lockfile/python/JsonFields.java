// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;

/** Field access on the trees the TOML and JSON readers give. */
final class JsonFields {
    private JsonFields() {
    }

    /** A scalar field as text, or empty when absent or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() ? v.asText() : "";
    }

    /** A scalar field that must be present and not empty; otherwise an input error on {@code line}. */
    static String required(LockfileSource source, JsonNode node, String field, int line) {
        String value = text(node, field);
        if (value.isEmpty()) {
            throw new LockfileParseException(source, line, "package without '" + field + "'");
        }
        return value;
    }
}
