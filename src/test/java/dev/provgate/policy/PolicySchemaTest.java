// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The editor schema (docs/trust-tiers.schema.json) agrees with the loader on good and bad policies. */
class PolicySchemaTest {
    private static final Schema SCHEMA = load();

    private static Schema load() {
        try {
            String text = Files.readString(Path.of("docs/trust-tiers.schema.json"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void projectPolicyIsValid() throws IOException {
        assertEquals(List.of(), SCHEMA.validate(Files.readString(Path.of("trust-tiers.yaml")), InputFormat.YAML));
    }

    @Test
    void starterPolicyIsValid() {
        String starter = StarterPolicy.render(Set.of(Ecosystem.NPM), List.of("https://npm.registry.invalid/"));
        assertEquals(List.of(), SCHEMA.validate(starter, InputFormat.YAML));
    }

    @Test
    void starterPolicyWithWorkflowsIsValidAndLoads() {
        String starter = StarterPolicy.render(Set.of(Ecosystem.GITHUB_ACTIONS), List.of("https://github.com/"));
        assertEquals(List.of(), SCHEMA.validate(starter, InputFormat.YAML));
        Policy policy = PolicyLoader.parse("trust-tiers.yaml", starter.getBytes(StandardCharsets.UTF_8));
        assertTrue(policy.tiers().get(1).requirements().contains(new PinningRequirement(Severity.BLOCK)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-top-key.yaml", "unknown-requirement-key.yaml", "wrong-type-hashes.yaml",
            "wrong-type-rules.yaml", "bad-duration.yaml", "bad-duration-unit.yaml", "bad-date.yaml",
            "bad-purl-pattern.yaml", "approval-without-version.yaml", "bad-severity.yaml",
            "bad-provenance-level.yaml", "bad-tier-key.yaml", "rule-without-condition.yaml",
            "bad-source-permission.yaml", "bad-version.yaml", "bad-registry.yaml", "bad-pinning.yaml",
            "bad-owner.yaml"})
    void badPoliciesAreInvalidForEditorsToo(String fixture) {
        String text = new String(PolicyLoaderTest.fixture(fixture), StandardCharsets.UTF_8);
        List<Error> errors = SCHEMA.validate(text, InputFormat.YAML);
        assertFalse(errors.isEmpty(), fixture);
    }
}
