// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Reads and writes store files: JSON with sorted keys and two-space indent, written atomically. */
public final class StoreFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private StoreFiles() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The file's bytes, or empty when it does not exist. */
    public static Optional<byte[]> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The file parsed as JSON, or empty when it does not exist; malformed JSON is an input error with its line. */
    public static Optional<JsonNode> readJson(Path file) {
        return read(file).map(bytes -> parse(file, bytes));
    }

    private static JsonNode parse(Path file, byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ProvgateException(file.toString(), 0, "expected a JSON object");
            }
            return node;
        } catch (JsonParseException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ProvgateException(file.toString(), line, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Sorted keys, LF line ends, a final newline: the same value gives the same bytes. */
    public static byte[] jsonBytes(Object value) {
        try {
            String text = MAPPER.writeValueAsString(value).replace("\r\n", "\n");
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a file. */
    public static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", "");
            try {
                Files.write(tmp, bytes);
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot write: " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
