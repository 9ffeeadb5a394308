// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {

    static byte[] fixture(String name) {
        try (InputStream in = PolicyLoaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-top-key.yaml          | 6  | unknown key 'exeptions' in the policy (did you mean 'exceptions'?)
            unknown-requirement-key.yaml  | 6  | unknown key 'min_relase_age' in requires (did you mean 'min_release_age'?)
            wrong-type-hashes.yaml        | 5  | 'hashes' must be true or false, found the text 'yes please'
            wrong-type-rules.yaml         | 6  | 'rules' must be a list, found a mapping
            bad-duration.yaml             | 5  | bad duration '7 days': write a whole number and one unit
            bad-duration-unit.yaml        | 6  | bad duration '2w'
            bad-date.yaml                 | 10 | bad date '31/12/2026' for 'expires': write YYYY-MM-DD
            unknown-tier.yaml             | 7  | unknown tier 'toolng' (did you mean 'tooling'?)
            unknown-default-tier.yaml     | 1  | unknown tier '7'
            bad-purl-pattern.yaml         | 6  | bad package pattern 'npm/left-pad': a package pattern starts with 'pkg:'
            bad-maven-pattern.yaml        | 6  | a Maven pattern is pkg:maven/GROUP/ARTIFACT
            unknown-exception-rule.yaml   | 7  | unknown rule 'tier/provenence' (did you mean 'tier/provenance'?)
            approval-without-version.yaml | 6  | an approval names one exact version
            missing-builtin-tier.yaml     | 1  | the built-in classification places packages in tier 1
            duplicate-key.yaml            | 6  | Duplicate field 'blocked'
            bad-severity.yaml             | 6  | bad severity 'blocker': use block or warn (did you mean 'block'?)
            bad-provenance-level.yaml     | 5  | bad provenance level 'atested': use none, signature or attested (did you mean 'attested'?)
            not-a-mapping.yaml            | 1  | expected a mapping of policy keys at the top level, found a list
            invalid-yaml.yaml             | 3  | invalid YAML
            alias-bomb.yaml               | 2  | YAML aliases (*a) are not allowed in a policy file
            duplicate-tier-name.yaml      | 3  | tier name 'critical' is already used by tier 0
            bad-tier-key.yaml             | 2  | tier keys are numbers 0 to 9
            rule-without-condition.yaml   | 6  | a rule needs at least one of package, ecosystem or scope
            bad-source-permission.yaml    | 6  | 'git' must be allowed or forbidden, found 'forbiden' (did you mean 'forbidden'?)
            bad-version.yaml              | 1  | unsupported policy version '2'
            bad-registry.yaml             | 6  | a registry is a URL prefix
            bad-pinning.yaml              | 5  | 'pinning' must be sha or none, found 'tag'
            bad-owner.yaml                | 6  | 'actions/checkout' is not a GitHub owner name
            """)
    void badPolicyIsOneLineWithItsLine(String fixture, int line, String message) {
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyLoader.parse("trust-tiers.yaml", fixture(fixture)));
        assertEquals(line, e.line(), e.userMessage());
        assertTrue(e.userMessage().startsWith("trust-tiers.yaml:" + line + ": "), e.userMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void projectPolicyLoads() {
        Policy p = PolicyLoader.load(Path.of("trust-tiers.yaml"));
        assertEquals(List.of("critical", "tooling", "product"), p.tiers().stream().map(Tier::name).toList());
        assertEquals("product", p.defaultTier().name());
        assertEquals(6, p.tier(0).orElseThrow().requirements().size());
        assertEquals(3, p.approved().size());
        assertEquals(2, p.blocked().size());
    }

    @Test
    void minimalPolicyHasBuiltinRulesAndDefaultsToTheLastTier() {
        Policy p = PolicyLoader.parse("p.yaml", fixture("minimal.yaml"));
        assertEquals(2, p.defaultTier().level());
        assertEquals(BuiltinClassification.entries().size(), p.rules().size());
        assertTrue(p.rules().size() > 100, "built-in rules: " + p.rules().size());
    }

    @Test
    void starterPolicyLoadsForEveryEcosystemSet() {
        for (Set<Ecosystem> ecosystems : List.of(Set.<Ecosystem>of(), Set.of(Ecosystem.NPM),
                Set.of(Ecosystem.PYPI, Ecosystem.MAVEN))) {
            String text = StarterPolicy.render(ecosystems, List.of("https://npm.registry.invalid/"));
            Policy p = PolicyLoader.parse("trust-tiers.yaml", text.getBytes(StandardCharsets.UTF_8));
            assertEquals(3, p.tiers().size(), text);
        }
    }

    @Test
    void yamlBooleansOfEverySpellingCount() {
        Policy p = PolicyLoader.parse("t.yaml", """
                builtin_classification: no
                tiers:
                  0: {name: critical, requires: {hashes: yes, approval: off}}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("tier/hashes"), p.tier(0).orElseThrow().requirements().stream()
                .map(Requirement::ruleId).toList());
        assertEquals(0, p.rules().size());
    }

    @Test
    void hugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("trust-tiers.yaml");
        Files.write(big, new byte[YamlReader.MAX_BYTES + 1]);
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load(big));
        assertTrue(e.getMessage().contains("over the limit of " + YamlReader.MAX_BYTES), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "tiers: " + "[".repeat(200) + "]".repeat(200) + "\n";
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyLoader.parse("t.yaml", deep.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, e.line(), e.userMessage());
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
    }

    @Test
    void missingFileSuggestsInit(@TempDir Path dir) {
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyLoader.load(dir.resolve("trust-tiers.yaml")));
        assertTrue(e.getMessage().contains("provgate init"), e.getMessage());
    }

    @Test
    void emptyAndBinaryFilesAreRefused() {
        assertThrows(PolicyException.class, () -> PolicyLoader.parse("t.yaml", "  \n".getBytes()));
        assertThrows(PolicyException.class, () -> PolicyLoader.parse("t.yaml", new byte[] {'a', 0, 'b'}));
        assertThrows(PolicyException.class, () -> PolicyLoader.parse("t.yaml", new byte[] {(byte) 0xff, 'a'}));
    }
}
