// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes what `provgate inventory` lists: a table per lockfile, or JSON with stable field names. */
public final class InventoryListing {
    private InventoryListing() {
    }

    public static void text(Inventory inventory, PrintWriter out) {
        long total = 0;
        for (LockfileInventory lf : inventory.lockfiles()) {
            out.printf("%s (%s): %d entries, %d distinct%n", lf.path(), lf.format(), lf.components().size(),
                    lf.distinctPurls().size());
            for (Component c : lf.components()) {
                out.printf("  %-8s %-50s %-10s %-10s %s%n", c.ecosystem().purlType(), c.coordinates(),
                        c.scope().label(), c.direct() ? "direct" : "transitive", c.location());
            }
            total += lf.components().size();
        }
        out.printf(Locale.ROOT, "%,d lockfile(s), %,d entries%n", inventory.lockfiles().size(), total);
    }

    public static void json(Inventory inventory, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Map<String, Object> doc = new TreeMap<>();
        doc.put("lockfiles", inventory.lockfiles().stream().map(InventoryListing::lockfile).toList());
        try {
            mapper.writeValue(out, doc);
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> lockfile(LockfileInventory lf) {
        Map<String, Object> m = new TreeMap<>();
        m.put("path", lf.path());
        m.put("format", lf.format());
        m.put("ecosystem", lf.ecosystem().purlType());
        m.put("components", lf.components().stream().map(InventoryListing::component).toList());
        m.put("dependencies", lf.dependencies().stream()
                .map(d -> Map.of("from", d.from(), "to", d.to())).toList());
        return m;
    }

    private static Map<String, Object> component(Component c) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", c.name());
        m.put("version", c.version());
        m.put("purl", c.purl());
        m.put("scope", c.scope().label());
        m.put("direct", c.direct());
        m.put("source", Map.of("kind", c.source().kind().label(), "url", c.source().url()));
        m.put("hashes", c.hashes().stream().map(InventoryListing::hash).toList());
        m.put("location", c.location().toString());
        m.put("installScript", c.installScript().asBoolean());
        m.put("attributes", c.attributes());
        return m;
    }

    private static Map<String, Object> hash(Hash h) {
        Map<String, Object> m = new TreeMap<>();
        m.put("alg", h.algorithm().cyclonedxName());
        m.put("content", h.hex());
        if (!h.fileName().isEmpty()) {
            m.put("file", h.fileName());
        }
        return m;
    }
}
