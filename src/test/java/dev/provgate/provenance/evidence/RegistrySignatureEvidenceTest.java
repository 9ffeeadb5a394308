// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.lockfile.InventoryReader;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.provenance.NpmRegistryKeys;
import dev.provgate.provenance.TrustedRoot;
import dev.provgate.provenance.store.AttestationStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of ../shared/sigstore/npm-cli/registry-signatures.json through the enricher: the package locked with
 * the case's integrity, its {@code dist.signatures} in the store. The cases carry no publish time; the store gets
 * one inside the window of the key the case names (old key before 2025-01-29, new key after 2025-01-13).
 */
class RegistrySignatureEvidenceTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws IOException {
        JsonNode all = new ObjectMapper().readTree(ProvenanceProject.shared("npm-cli/registry-signatures.json")
                .toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : all.path("cases")) {
            out.add(Arguments.of(c.path("name").asText() + "@" + c.path("version").asText() + " "
                    + c.path("keyid").asText().substring(0, 12), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void storedRegistrySignatureVerifiesAsTheVectorSays(String label, JsonNode c) throws IOException {
        String name = c.path("name").asText();
        String version = c.path("version").asText();
        String keyId = c.path("keyid").asText();
        ProvenanceProject p = new ProvenanceProject(dir).npm(name, version, c.path("integrity").asText());
        p.storedText(Ecosystem.NPM, name, version, AttestationStore.NPM_REGISTRY_SIGNATURES,
                new ObjectMapper().writeValueAsString(Map.of("name", name, "version", version,
                        "integrity", c.path("integrity").asText(),
                        "signatures", List.of(Map.of("keyid", keyId, "sig", c.path("sig").asText())))));
        p.publishedAt(Ecosystem.NPM, name, version,
                keyId.startsWith("SHA256:jl3bw") ? "2024-06-01T00:00:00Z" : "2025-06-01T00:00:00Z");
        ProvenanceEnricher enricher = new ProvenanceEnricher(p.store(), new ProvenanceEnricher.Settings(
                TrustedRoot::bundled, NpmRegistryKeys::bundled, List.of(), dir.resolve("m2"),
                ExpectedSigners.none(), false), Clock.systemUTC());
        Component component = new InventoryReader().read(List.of(dir)).components().findFirst().orElseThrow();
        ProvenanceResult r = enricher.evidenceFor(component).stream().map(ProvenanceResult.class::cast)
                .filter(e -> e.mechanism().equals("npm-registry-signature")).findFirst().orElseThrow();
        assertEquals(c.path("expect").asBoolean() ? ProvenanceResult.Outcome.VERIFIED
                : ProvenanceResult.Outcome.FAILED, r.outcome(), r.reason());
    }
}
