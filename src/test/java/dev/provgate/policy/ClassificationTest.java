// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static dev.provgate.policy.PolicyTesting.TIERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTest {
    private static final String RULES = TIERS + """
            rules:
              - package: pkg:pypi/litellm
                tier: critical
              - package: pkg:npm/@aws-sdk/client-s3
                tier: product
              - scope: dev
                tier: 2
              - package: pkg:npm/@aws-sdk/*
                tier: critical
              - ecosystem: maven
                scope: optional
                tier: tooling
            """;

    @ParameterizedTest(name = "{0} {1}@{2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            pypi  | litellm                          | 1.82.7 | runtime  | critical | rule package pkg:pypi/litellm at trust-tiers.yaml:6
            npm   | @aws-sdk/client-s3               | 3.1.0  | runtime  | product  | rule package pkg:npm/@aws-sdk/client-s3 at trust-tiers.yaml:8
            npm   | @aws-sdk/client-sts              | 3.1.0  | runtime  | critical | rule package pkg:npm/@aws-sdk/* at trust-tiers.yaml:12
            npm   | @aws-sdk/client-sts              | 3.1.0  | dev      | product  | rule scope dev at trust-tiers.yaml:10
            npm   | jsonwebtoken                     | 9.0.0  | dev      | product  | rule scope dev
            npm   | jsonwebtoken                     | 9.0.0  | runtime  | critical | built-in classification package pkg:npm/jsonwebtoken (authentication and tokens)
            npm   | esbuild                          | 0.20.0 | runtime  | tooling  | built-in classification package pkg:npm/esbuild (bundlers and build tooling)
            pypi  | boto3                            | 1.34.0 | runtime  | tooling  | built-in classification package pkg:pypi/boto3 (cloud SDKs)
            pypi  | google_cloud_storage             | 2.0.0  | runtime  | tooling  | built-in classification package pkg:pypi/google-cloud-*
            pypi  | cryptography                     | 42.0.0 | runtime  | critical | built-in classification package pkg:pypi/cryptography
            maven | org.bouncycastle:bcprov-jdk18on  | 1.82   | runtime  | critical | built-in classification package pkg:maven/org.bouncycastle/*
            maven | com.example:lib                  | 1.0    | optional | tooling  | rule ecosystem maven, scope optional at trust-tiers.yaml:14
            maven | com.example:lib                  | 1.0    | runtime  | product  | default tier: no rule matched
            npm   | left-pad                         | 1.3.0  | runtime  | product  | default tier: no rule matched
            """)
    void firstMatchWinsThenBuiltinThenDefault(String ecosystem, String name, String version, String scope,
                                             String tier, String reason) {
        Component c = component(ecosystem, name, version).scope(Scope.valueOf(scope.toUpperCase())).build();
        Placement p = PolicyTesting.engine(RULES).classify(c);
        assertEquals(tier, p.tier().name(), p.reason());
        assertTrue(p.reason().startsWith(reason), p.reason());
    }

    @Test
    void userRuleOverridesBuiltin() {
        PolicyEngine e = PolicyTesting.engine(TIERS + """
                rules:
                  - package: pkg:npm/jsonwebtoken
                    tier: product
                """);
        assertEquals("product", e.classify(PolicyTesting.npm("jsonwebtoken", "9.0.0").build()).tier().name());
    }

    @Test
    void builtinCanBeTurnedOff() {
        PolicyEngine e = PolicyTesting.engine("builtin_classification: false\n" + TIERS + "default_tier: tooling\n");
        Placement p = e.classify(PolicyTesting.npm("jsonwebtoken", "9.0.0").build());
        assertEquals("tooling", p.tier().name());
        assertEquals("default tier: no rule matched", p.reason());
    }

    @Test
    void defaultTierByNumberOrName() {
        assertEquals(0, PolicyTesting.policy("default_tier: 0\n" + TIERS).defaultTier().level());
        assertEquals(1, PolicyTesting.policy("default_tier: tooling\n" + TIERS).defaultTier().level());
    }

    private static Component.Builder component(String ecosystem, String name, String version) {
        return switch (ecosystem) {
            case "npm" -> PolicyTesting.npm(name, version);
            case "pypi" -> PolicyTesting.pypi(name, version);
            default -> PolicyTesting.maven(name, version);
        };
    }
}
