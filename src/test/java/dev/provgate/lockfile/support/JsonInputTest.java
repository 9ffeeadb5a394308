// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.LockfileSource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonInputTest {
    private static LockfileSource source(String text) {
        return new LockfileSource("x.json", text.getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void nestingBeyondTheLimitNamesTheLineWhereItHappens() {
        String deep = "{\n\"a\":\n" + "[".repeat(JsonInput.MAX_NESTING + 10) + "]".repeat(JsonInput.MAX_NESTING + 10)
                + "}";
        LockfileSource src = source(deep);
        JsonParser p = JsonInput.openObject(src);
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> JsonInput.forEachField(src, p, (name, line, parser) -> JsonInput.readTree(src, parser)));
        assertEquals(3, e.line(), e.userMessage());
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void truncatedDocumentIsNamedTruncated() {
        LockfileSource src = source("{\n\"a\": {\n");
        JsonParser p = JsonInput.openObject(src);
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> JsonInput.forEachField(src, p, (name, line, parser) -> JsonInput.readTree(src, parser)));
        assertTrue(e.getMessage().startsWith("invalid JSON: truncated JSON"), e.getMessage());
    }

    @Test
    void duplicateKeysAreRefused() {
        LockfileSource src = source("{\"a\": 1,\n\"a\": 2}");
        JsonParser p = JsonInput.openObject(src);
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> JsonInput.forEachField(src, p, (name, line, parser) -> JsonInput.readTree(src, parser)));
        assertEquals(2, e.line());
    }
}
