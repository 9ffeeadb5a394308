// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Ecosystem;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The commented starter trust-tiers.yaml that {@code provgate init} writes, fitted to the project's ecosystems. */
public final class StarterPolicy {
    private StarterPolicy() {
    }

    /**
     * The starter file.
     *
     * @param ecosystems the ecosystems of the lockfiles found (empty: none found, all are mentioned)
     * @param registries the registry URL prefixes the lockfiles resolve from (allowed in tiers 0 and 1)
     */
    public static String render(Set<Ecosystem> ecosystems, Collection<String> registries) {
        Set<Ecosystem> shown = ecosystems.isEmpty() ? Set.of(Ecosystem.NPM, Ecosystem.PYPI, Ecosystem.MAVEN)
                : ecosystems;
        String found = ecosystems.isEmpty() ? "no lockfiles found; settings for every ecosystem are shown"
                : "lockfiles found for " + shown.stream().map(Ecosystem::osvName).sorted()
                        .collect(Collectors.joining(", "));
        return """
                # trust-tiers.yaml: how much proof each kind of dependency needs (written by 'provgate init').
                # %s.
                # Reference: provgate's docs/policy.md. Try it: provgate explain NAME@VERSION
                # Editor completion: add a first line '# yaml-language-server: $schema=PATH' pointing at
                # provgate's docs/trust-tiers.schema.json.
                version: 1
                default_tier: product

                tiers:
                  0:
                    name: critical
                    description: Cryptography, authentication, execution substrate; what runs with your secrets.
                    requires:
                      hashes: true
                %s      install_scripts: forbidden
                      min_release_age: 7d          # cooldown; versions listed in approved: pass at once
                      provenance: signature        # none, signature or attested; without evidence: unverified
                      approval: true               # version changes need an entry in approved:
                  1:
                    name: tooling
                    description: Build and runtime tooling with broad access (AI SDKs, cloud SDKs, bundlers).
                    requires:
                      hashes: true
                %s      install_scripts:
                        allowed_for: [%s]
                      min_release_age: 3d
                      provenance:
                        level: signature
                        severity: warn
                %s  2:
                    name: product
                    description: Product libraries with a small blast radius.
                    requires:
                      hashes: {severity: warn}
                      sources: {git: forbidden, url: forbidden}
                      min_release_age: {age: 24h, severity: warn}

                # First match wins; provgate's built-in classification (crypto and auth in tier 0, AI and cloud
                # SDKs and bundlers in tier 1) applies after these rules.
                rules:
                  - scope: dev
                    tier: product
                    note: dev dependencies do not ship
                %s%s
                identities: []   # - {package: pkg:npm/NAME, repository: https://github.com/OWNER/REPO}
                approved: []     # - {package: pkg:npm/NAME@1.2.3, by: WHO, reason: WHY}
                blocked: []      # - {package: pkg:npm/NAME@1.2.3, reason: WHY}
                exceptions: []   # - {package: PATTERN, rule: tier/provenance, reason: WHY, owner: WHO, expires: 2026-12-31}
                """.formatted(found, sources(registries), sources(registries), allowedScripts(shown),
                ciPinning(ecosystems), ciRules(ecosystems), ecosystemHints(shown));
    }

    private static String sources(Collection<String> registries) {
        StringBuilder s = new StringBuilder("      sources:\n");
        if (!registries.isEmpty()) {
            s.append("        registries:\n");
            new TreeSet<>(registries).forEach(r -> s.append("          - ").append(r).append('\n'));
        }
        return s.append("        git: forbidden\n        url: forbidden\n        path: forbidden\n").toString();
    }

    private static String allowedScripts(Set<Ecosystem> ecosystems) {
        return ecosystems.contains(Ecosystem.NPM) ? "pkg:npm/esbuild, pkg:npm/@esbuild/*" : "";
    }

    /** Tier 1 requires SHA pins when the project has CI workflows (third-party actions are placed there). */
    private static String ciPinning(Set<Ecosystem> ecosystems) {
        return ecosystems.contains(Ecosystem.GITHUB_ACTIONS)
                ? "      pinning: sha                 # CI references pinned to a full commit SHA, # vX.Y.Z beside\n"
                : "";
    }

    private static String ciRules(Set<Ecosystem> ecosystems) {
        if (!ecosystems.contains(Ecosystem.GITHUB_ACTIONS)) {
            return "";
        }
        return """
                  - package: pkg:githubactions/actions/*
                    tier: product
                    note: GitHub's own actions
                  - package: pkg:githubactions/github/*
                    tier: product
                    note: GitHub's own actions
                  - ecosystem: githubactions
                    tier: tooling
                    note: third-party actions run with the workflow's token and secrets; tooling requires SHA pins
                """;
    }

    private static String ecosystemHints(Set<Ecosystem> ecosystems) {
        List<String> hints = new java.util.ArrayList<>();
        if (ecosystems.contains(Ecosystem.PYPI)) {
            hints.add("# PyPI: lock with hashes (pip-compile --generate-hashes, poetry lock, uv lock).");
        }
        if (ecosystems.contains(Ecosystem.MAVEN)) {
            hints.add("# Maven: gradle.lockfile records no hashes; Gradle dependency verification does.");
        }
        if (ecosystems.contains(Ecosystem.NPM)) {
            hints.add("# npm: install scripts come from hasInstallScript in package-lock.json.");
        }
        return String.join("\n", hints);
    }
}
