// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.io.IOException;

/**
 * Streaming JSON for lockfile parsers: limits against hostile input, duplicate keys refused, and errors that name
 * the file and line. Parsers stream to the part they need and read the rest as trees with {@link #forEachField}.
 */
public final class JsonInput {
    /** Real lockfiles nest a few dozen levels (npm v1); far deeper input is hostile or broken. */
    public static final int MAX_NESTING = 500;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(64 * 1024 * 1024)
                    .maxNumberLength(1000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonInput() {
    }

    /** A parser over the source bytes, already positioned on the first token, which must be an object. */
    public static JsonParser openObject(LockfileSource source) {
        requireText(source);
        try {
            JsonParser p = MAPPER.createParser(source.bytes());
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new LockfileParseException(source, line(p),
                        "expected a JSON object, found " + describe(first));
            }
            return p;
        } catch (IOException e) {
            throw error(source, e);
        }
    }

    /** Reads the value the parser is on as a tree (the parser ends on the value's last token). */
    public static JsonNode readTree(LockfileSource source, JsonParser p) {
        try {
            return MAPPER.readTree(p);
        } catch (IOException e) {
            throw error(source, p, e);
        }
    }

    /** Calls the visitor for each field of the object the parser is on; the visitor must consume the value. */
    public static void forEachField(LockfileSource source, JsonParser p, FieldVisitor visitor) {
        try {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new LockfileParseException(source, line(p), "expected a JSON object, found "
                        + describe(p.currentToken()));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = line(p);
                p.nextToken();
                visitor.visit(name, line, p);
            }
        } catch (IOException e) {
            throw error(source, p, e);
        }
    }

    /** Skips the value the parser is on. */
    public static void skip(LockfileSource source, JsonParser p) {
        try {
            p.skipChildren();
        } catch (IOException e) {
            throw error(source, p, e);
        }
    }

    /** Checks that nothing but white space follows the top-level value. */
    public static void requireEnd(LockfileSource source, JsonParser p) {
        try {
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new LockfileParseException(source, line(p), "unexpected content after the JSON document");
            }
        } catch (IOException e) {
            throw error(source, p, e);
        }
    }

    public static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    /** Turns a Jackson failure into one line naming the file and line. */
    public static LockfileParseException error(LockfileSource source, IOException e) {
        return error(source, null, e);
    }

    /**
     * As {@link #error(LockfileSource, IOException)}; limit violations (nesting depth, number length) carry no
     * location of their own, so the parser's position names the line.
     */
    public static LockfileParseException error(LockfileSource source, JsonParser parser, IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation loc = jpe.getLocation();
            if ((loc == null || loc.getLineNr() <= 0) && parser != null) {
                loc = parser.currentLocation();
            }
            int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            String msg = jpe.getOriginalMessage();
            if (msg != null && msg.contains("end-of-input")) {
                msg = "truncated JSON: " + msg;
            }
            return new LockfileParseException(source.displayPath(), line, "invalid JSON: " + firstLine(msg), e);
        }
        return new LockfileParseException(source.displayPath(), 0, "cannot read: " + e.getMessage(), e);
    }

    /** Empty and binary files are refused before any format parser sees them. */
    public static void requireText(LockfileSource source) {
        TextInput.requireText(source);
    }

    private static String describe(JsonToken t) {
        return t == null ? "end of file" : t.asString() == null ? t.name() : "'" + t.asString() + "'";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Receives one field: its name, the line of the name, and the parser positioned on the value. */
    @FunctionalInterface
    public interface FieldVisitor {
        void visit(String name, int line, JsonParser parser) throws IOException;
    }
}
