// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import dev.provgate.model.ProvgateException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient-free access to the JSON of bundles, roots and keys: absent or mistyped members read as empty. */
final class JsonDocs {
    private JsonDocs() {
    }

    /** Parses strictly; anything but one JSON object is an input error naming the origin. */
    static JsonObject parseObject(String origin, byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new ProvgateException(origin, 0, "empty file, expected a JSON object");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new ProvgateException(origin, 0, "trailing data after the JSON object");
            }
            if (!e.isJsonObject()) {
                throw new ProvgateException(origin, 0, "expected a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | java.io.IOException e) {
            String m = firstLine(e).replaceFirst("^[\\w.]+Exception: ", "")
                    .replaceFirst("Use JsonReader.setStrictness\\(\\S+\\) to accept malformed JSON", "malformed JSON")
                    .replaceFirst(" path \\$.*$", "");
            Matcher line = Pattern.compile(" at line (\\d+) ").matcher(m);
            throw new ProvgateException(origin, line.find() ? Integer.parseInt(line.group(1)) : 0,
                    "not valid JSON (truncated or garbled): " + m);
        } catch (StackOverflowError e) {
            throw new ProvgateException(origin, 0, "JSON nested too deeply");
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A JSON resource shipped in the jar; its absence is a packaging bug, not a user mistake. */
    static byte[] resource(String path) {
        try (java.io.InputStream in = JsonDocs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** A file the user named; an unreadable one is an input error naming it. */
    static byte[] file(java.nio.file.Path file, String what) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot read " + what + ": " + e.getMessage());
        }
    }

    static JsonObject object(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static JsonArray array(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    static String string(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    static boolean has(JsonObject o, String member) {
        return o != null && o.has(member) && !o.get(member).isJsonNull();
    }
}
