// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** provgate's own lockfile.json locks exactly the jars cli/dependencies.sha256 pins, with the same digests. */
class OwnLockfileTest {
    @Test
    void lockfileAndPinsAgree() throws Exception {
        Map<String, String> pinned = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("cli/dependencies.sha256"))) {
            String[] parts = line.split("\\s+", 2);
            pinned.put(parts[1].strip(), parts[0]);
        }
        Map<String, String> locked = new TreeMap<>();
        for (JsonNode d : new ObjectMapper().readTree(Path.of("lockfile.json").toFile()).path("dependencies")) {
            String classifier = d.path("classifier").asText("");
            locked.put(d.path("artifactId").asText() + "-" + d.path("version").asText()
                    + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar", d.path("checksum").asText());
            assertEquals("SHA-256", d.path("checksumAlgorithm").asText(), d.toString());
        }
        assertEquals(pinned, locked, "run python3 scripts/own/lock-dependencies.py after re-pinning");
    }
}
