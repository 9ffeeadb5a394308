// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.LockfileSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A TOML lockfile read as a tree. The TOML reader gives no line per table, so the line of each array-of-tables
 * header comes from a scan of the text: the n-th {@code [[package]]} line belongs to the n-th package.
 */
final class PythonToml {
    private static final TomlMapper MAPPER = new TomlMapper(TomlFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonInput.MAX_NESTING)
                    .maxStringLength(64 * 1024 * 1024)
                    .build())
            .build());

    private final LockfileSource source;
    private final String text;
    private final JsonNode root;

    private PythonToml(LockfileSource source, String text, JsonNode root) {
        this.source = source;
        this.text = text;
        this.root = root;
    }

    /** Parses the source; malformed TOML is an input error on the line the reader stopped at. */
    static PythonToml read(LockfileSource source) {
        String text = TextInput.decode(source);
        TextInput.requireShortLines(source, text);
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw new LockfileParseException(source, 1, "expected a TOML document");
            }
            return new PythonToml(source, text, root);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            throw new LockfileParseException(source.displayPath(), line, "invalid TOML: " + firstLine(
                    e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new LockfileParseException(source.displayPath(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    JsonNode root() {
        return root;
    }

    LockfileSource source() {
        return source;
    }

    /** The array of tables under {@code key}; a value of another type is an input error. */
    List<JsonNode> tables(String key) {
        JsonNode node = root.path(key);
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new LockfileParseException(source, lineOfKey(key), "'" + key + "' is not an array of tables");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    /**
     * 1-based line of each {@code [[name]]} header, one per table the reader found; all 0 when the scan disagrees
     * with the reader (a header inside a multi-line string), since a wrong line is worse than none.
     */
    List<Integer> headerLines(String name, int tables) {
        List<Integer> lines = scanHeaders(name);
        return lines.size() == tables ? lines : Collections.nCopies(tables, 0);
    }

    private List<Integer> scanHeaders(String name) {
        String header = "[[" + name + "]]";
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String current = text.substring(start, end < 0 ? text.length() : end);
            if (withoutComment(current).replace(" ", "").replace("\t", "").equals(header)) {
                lines.add(line);
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
            line++;
        }
        return lines;
    }

    /** Line of the first {@code key = } assignment at the start of a line, or 0 when absent. */
    int lineOfKey(String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(key) && l.substring(key.length()).stripLeading().startsWith("=")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
