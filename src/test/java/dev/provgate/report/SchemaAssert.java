// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates JSON documents against a JSON Schema with a real validator, failing with every error listed. */
final class SchemaAssert {
    private final Schema schema;

    private SchemaAssert(Schema schema) {
        this.schema = schema;
    }

    static SchemaAssert load(InputStream in, SpecificationVersion version) {
        try (in) {
            JsonNode node = new ObjectMapper().readTree(in);
            return new SchemaAssert(SchemaRegistry.withDefaultDialect(version).getSchema(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Error> errors(String json) {
        try {
            return schema.validate(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void valid(String json) {
        assertEquals(List.of(), errors(json).stream().map(Error::toString).toList(), json);
    }
}
