// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Evidence;
import dev.provgate.model.InstallScript;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Builds policies from YAML text, engines on a fixed clock, and components by hand. */
final class PolicyTesting {
    /** The tests' "now": 2026-06-15 12:00 UTC. */
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    /** Tiers 0, 1, 2 named critical, tooling, product with no requirements. */
    static final String TIERS = """
            tiers:
              0: {name: critical}
              1: {name: tooling}
              2: {name: product}
            """;

    private PolicyTesting() {
    }

    static Policy policy(String yaml) {
        return PolicyLoader.parse("trust-tiers.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    static PolicyEngine engine(String yaml) {
        return engine(yaml, NOW);
    }

    static PolicyEngine engine(String yaml, Instant now) {
        return new PolicyEngine(policy(yaml), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A policy whose tier 2 (the default) requires exactly the given {@code requires:} body. */
    static PolicyEngine requiring(String requiresBody) {
        String indented = requiresBody.strip().lines().map(l -> "      " + l).reduce((a, b) -> a + "\n" + b)
                .orElse("");
        return engine("""
                builtin_classification: false
                tiers:
                  2:
                    name: product
                    requires:
                %s
                """.formatted(indented));
    }

    /** As a package-lock v2/v3 entry: install scripts recorded, none unless a test says so. */
    static Component.Builder npm(String name, String version) {
        return Component.builder(Ecosystem.NPM, name, version).installScript(InstallScript.NONE);
    }

    static Component.Builder pypi(String name, String version) {
        return Component.builder(Ecosystem.PYPI, name, version);
    }

    static Component.Builder maven(String name, String version) {
        return Component.builder(Ecosystem.MAVEN, name, version);
    }

    static ComponentEvidence evidence(Component c, Evidence... evidence) {
        return new ComponentEvidence(c, List.of(evidence));
    }
}
