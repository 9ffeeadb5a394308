// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.LockfileSource;
import java.io.IOException;

/** Typed reads over {@link JsonInput}'s streaming parser for the SBOM readers: a wrong type names its line. */
final class JsonValues {
    private JsonValues() {
    }

    /** Receives one array element: the line it starts on and the parser positioned on it. */
    @FunctionalInterface
    interface ElementVisitor {
        void visit(int line, JsonParser parser) throws IOException;
    }

    /** Streams a whole JSON document: a top-level object, its fields to the visitor, nothing after it. */
    static void readDocument(LockfileSource source, JsonInput.FieldVisitor topLevel) {
        try (JsonParser p = JsonInput.openObject(source)) {
            JsonInput.forEachField(source, p, topLevel);
            JsonInput.requireEnd(source, p);
        } catch (IOException e) {
            throw JsonInput.error(source, e);
        }
    }

    /** The string the parser is on; anything else is an input error naming {@code what}. */
    static String string(LockfileSource source, JsonParser p, String what) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new LockfileParseException(source, JsonInput.line(p), what + " must be a string, found "
                    + describe(p.currentToken()));
        }
        return p.getText();
    }

    /** Calls the visitor for each element of the array the parser is on; the visitor must consume it. */
    static void forEachElement(LockfileSource source, JsonParser p, String what, ElementVisitor visitor)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new LockfileParseException(source, JsonInput.line(p), what + " must be an array, found "
                    + describe(p.currentToken()));
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            visitor.visit(JsonInput.line(p), p);
        }
    }

    /** Checks that the parser is on an object. */
    static void requireObject(LockfileSource source, JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new LockfileParseException(source, JsonInput.line(p), what + " must be an object, found "
                    + describe(p.currentToken()));
        }
    }

    /** A string field of an object read as a tree: empty when absent or null, an input error when not text. */
    static String text(LockfileSource source, JsonNode object, String field, int line) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new LockfileParseException(source, line, "'" + field + "' must be a string, found "
                    + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return v.textValue();
    }

    /** Reads the object the parser is on as a tree. */
    static JsonNode object(LockfileSource source, JsonParser p, String what) {
        requireObject(source, p, what);
        return JsonInput.readTree(source, p);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
