// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.provgate.model.InputFiles;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.WorkTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /** As large as a registry response the fetchers accept. */
    public static final int MAX_READ_BYTES = 256 * 1024 * 1024;

    private StoreFiles() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The file's bytes, or empty when it does not exist. A store lives in a repository under review: a store file
     * linked out of the work tree is refused unread, and so is one over {@value #MAX_READ_BYTES} bytes.
     */
    public static Optional<byte[]> read(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        WorkTree.requireInside(file, file.toString());
        try {
            return Optional.of(InputFiles.read(file, file.toString(), MAX_READ_BYTES));
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

    /**
     * As {@link #write(Path, byte[])}, for a file of the store at {@code root}: refused when a symbolic link in
     * the store (a package folder linked elsewhere) would take the write outside the store's real path.
     */
    public static void write(Path root, Path file, byte[] bytes) {
        WorkTree store = WorkTree.at(root);
        if (!store.contains(file)) {
            throw new ProvgateException(file.toString(), 0, "a symbolic link leads outside the store "
                    + store.root() + ": not written");
        }
        write(file, bytes);
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
