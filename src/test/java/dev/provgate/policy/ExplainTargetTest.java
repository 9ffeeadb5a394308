// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.Inventory;
import dev.provgate.model.Location;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExplainTargetTest {
    private static final Component S3 = PolicyTesting.npm("@aws-sdk/client-s3", "3.600.0")
            .location(new Location("package-lock.json", 12)).build();
    private static final Component LITELLM = PolicyTesting.pypi("LiteLLM", "1.82.7")
            .hash(new Hash(HashAlgorithm.SHA256, "cd".repeat(32), "litellm-1.82.7-py3-none-any.whl"))
            .source(Source.registry("https://pypi.mirror.invalid/packages/litellm-1.82.7-py3-none-any.whl"))
            .location(new Location("poetry.lock", 40)).direct(true).build();
    private static final Component BC = PolicyTesting.maven("org.bouncycastle:bcprov-jdk18on", "1.82")
            .scope(Scope.DEV).location(new Location("gradle.lockfile", 3)).build();
    private static final Inventory INVENTORY = new Inventory(List.of(
            new LockfileInventory("package-lock.json", "npm/package-lock", Ecosystem.NPM, List.of(S3), List.of()),
            new LockfileInventory("poetry.lock", "python/poetry", Ecosystem.PYPI, List.of(LITELLM), List.of()),
            new LockfileInventory("gradle.lockfile", "maven/gradle", Ecosystem.MAVEN, List.of(BC), List.of())));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @aws-sdk/client-s3@3.600.0                          | package-lock.json:12
            pkg:npm/@aws-sdk/client-s3@3.600.0                  | package-lock.json:12
            pkg:npm/%40aws-sdk/client-s3@3.600.0                | package-lock.json:12
            pkg:npm/%40aws-sdk/client-s3                        | package-lock.json:12
            @aws-sdk/client-s3@3.0.0                            | ''
            litellm@1.82.7                                      | poetry.lock:40
            lite_llm@1.82.7                                     | ''
            LiteLLM@1.82.7                                      | poetry.lock:40
            pkg:pypi/litellm@1.82.7                             | poetry.lock:40
            org.bouncycastle:bcprov-jdk18on@1.82                | gradle.lockfile:3
            pkg:maven/org.bouncycastle/bcprov-jdk18on@1.82      | gradle.lockfile:3
            org.bouncycastle:bcprov-jdk18on                     | gradle.lockfile:3
            """)
    void findsLockedComponents(String target, String where) {
        List<String> found = ExplainTarget.parse(target).find(INVENTORY).stream()
                .map(c -> c.location().toString()).toList();
        assertEquals(where.isEmpty() ? List.of() : List.of(where), found);
    }

    @Test
    void standaloneComponentFromPurl() {
        Component c = ExplainTarget.parse("pkg:npm/@aws-sdk/client-s3@3.600.0").standalone().orElseThrow();
        assertEquals("@aws-sdk/client-s3", c.name());
        assertEquals("pkg:npm/%40aws-sdk/client-s3@3.600.0", c.purl());
        Component m = ExplainTarget.parse("pkg:maven/org.bouncycastle/bcprov-jdk18on@1.82").standalone()
                .orElseThrow();
        assertEquals("org.bouncycastle:bcprov-jdk18on", m.name());
        assertEquals(true, ExplainTarget.parse("six@1.16.0").standalone().isEmpty());
    }

    @Test
    void explainsALockedComponentWithItsEvidence() {
        PolicyEngine engine = PolicyTesting.engine(PolicyTesting.TIERS.replace("1: {name: tooling}", """
                1:
                    name: tooling
                    requires:
                      hashes: true
                      sources: {registries: ['https://pypi.mirror.invalid/']}
                """.stripTrailing()));
        StringWriter out = new StringWriter();
        new ExplanationWriter(engine).write(new ComponentEvidence(LITELLM, List.of()), false, Baseline.none(),
                new PrintWriter(out, true));
        assertEquals("""
                pkg:pypi/litellm@1.82.7
                  locked in:  poetry.lock:40 (runtime, direct, registry)
                  tier:       tier 1 (tooling)
                  why:        built-in classification package pkg:pypi/litellm (AI SDKs and model routers)
                  requirements:
                    pass        hashes           every locked artifact has a hash in the lockfile [block]
                                                 1 hash (SHA-256)
                    pass        sources          from registries https://pypi.mirror.invalid/; also allowed: workspace [block]
                                                 registry https://pypi.mirror.invalid/packages/litellm-1.82.7-py3-none-any.whl
                  blocked:    no
                  verdict:    pass (0 blocking, 0 warning)
                """, out.toString());
    }
}
