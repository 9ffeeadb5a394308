// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.Tool;

/**
 * Writes a bom that {@link BomAssembler} built as CycloneDX JSON with Jackson's streaming generator, byte for byte
 * as CycloneDX Core Java's generator lays it out (the tests compare the two on every corpus lockfile and spec
 * version), in a third of its time: its object mapper and per-component serializers are most of a short
 * {@code provgate sbom} run. Only the parts of the model the assembler sets are written; XML stays with the
 * library.
 */
final class BomJsonWriter {
    /** Characters outside the BMP are written as themselves, as the library's String-based output has them. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final JsonGenerator g;
    private final SpecVersion version;

    private BomJsonWriter(JsonGenerator g, SpecVersion version) {
        this.g = g;
        this.version = version;
    }

    /** The document, UTF-8, without a trailing newline (as the library writes it). */
    static byte[] write(Bom bom, SpecVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            new BomJsonWriter(g, version).bom(bom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void bom(Bom bom) throws IOException {
        g.writeStartObject();
        text("bomFormat", "CycloneDX");
        text("specVersion", version.label());
        text("serialNumber", bom.getSerialNumber());
        g.writeNumberField("version", bom.getVersion());
        metadata(bom.getMetadata());
        array("components", bom.getComponents(), this::component);
        array("dependencies", bom.getDependencies(), this::dependency);
        g.writeEndObject();
    }

    private void metadata(Metadata metadata) throws IOException {
        g.writeObjectFieldStart("metadata");
        if (metadata.getTimestamp() != null) {
            text("timestamp", TIMESTAMP.format(metadata.getTimestamp().toInstant().truncatedTo(ChronoUnit.SECONDS)));
        }
        tools(metadata);
        if (metadata.getComponent() != null) {
            g.writeFieldName("component");
            component(metadata.getComponent());
        }
        array("properties", metadata.getProperties(), this::property);
        g.writeEndObject();
    }

    /** CycloneDX 1.4 lists tools; 1.5 deprecated that for tool components. */
    @SuppressWarnings("deprecation")
    private void tools(Metadata metadata) throws IOException {
        if (version == SpecVersion.V1_4) {
            array("tools", metadata.getTools(), this::legacyTool);
        } else if (metadata.getToolChoice() != null && nonEmpty(metadata.getToolChoice().getComponents())) {
            g.writeObjectFieldStart("tools");
            array("components", metadata.getToolChoice().getComponents(), this::component);
            g.writeEndObject();
        }
    }

    @SuppressWarnings("deprecation")
    private void legacyTool(Tool tool) throws IOException {
        g.writeStartObject();
        text("vendor", tool.getVendor());
        text("name", tool.getName());
        text("version", tool.getVersion());
        g.writeEndObject();
    }

    private void component(Component c) throws IOException {
        g.writeStartObject();
        text("type", c.getType() == null ? null : c.getType().getTypeName());
        text("bom-ref", c.getBomRef());
        text("group", c.getGroup());
        text("name", c.getName());
        text("version", c.getVersion());
        text("scope", c.getScope() == null ? null : c.getScope().getScopeName());
        array("hashes", c.getHashes(), h -> pair("alg", h.getAlgorithm(), "content", h.getValue()));
        text("purl", c.getPurl());
        array("externalReferences", c.getExternalReferences(),
                ref -> pair("type", ref.getType().getTypeName(), "url", ref.getUrl()));
        array("properties", c.getProperties(), this::property);
        g.writeEndObject();
    }

    private void property(Property p) throws IOException {
        pair("name", p.getName(), "value", p.getValue());
    }

    private void pair(String field, String value, String otherField, String otherValue) throws IOException {
        g.writeStartObject();
        text(field, value);
        text(otherField, otherValue);
        g.writeEndObject();
    }

    private void dependency(Dependency d) throws IOException {
        g.writeStartObject();
        text("ref", d.getRef());
        // Written even when empty: "depends on nothing" is known, unlike a component missing from the list.
        g.writeArrayFieldStart("dependsOn");
        if (d.getDependencies() != null) {
            for (Dependency target : d.getDependencies()) {
                g.writeString(target.getRef());
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** An array of objects, left out when there are none. */
    private <T> void array(String field, List<T> items, Item<T> item) throws IOException {
        if (nonEmpty(items)) {
            g.writeArrayFieldStart(field);
            for (T t : items) {
                item.write(t);
            }
            g.writeEndArray();
        }
    }

    /** Absent and empty strings are left out; others are cleaned up as the library's string serializer does. */
    private void text(String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(field, oneLine(value));
        }
    }

    /** Trimmed, and every run of spaces, tabs and line breaks inside made one space. */
    static String oneLine(String value) {
        String s = value.trim();
        int i = firstToClean(s);
        if (i < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
        boolean inRun = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isBlank(c)) {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    /** Where the first tab, line break or second space in a row is, or -1 (most values: written as they are). */
    private static int firstToClean(String trimmed) {
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            // A trimmed string never ends with a space, so a space always has a next character.
            if (c != ' ' && isBlank(c) || c == ' ' && isBlank(trimmed.charAt(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean nonEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    @FunctionalInterface
    private interface Item<T> {
        void write(T item) throws IOException;
    }
}
