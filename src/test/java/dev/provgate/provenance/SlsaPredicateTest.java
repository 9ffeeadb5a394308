// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.provgate.model.BuildFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** How a release was built, from real SLSA predicates (npm 2023 v0.2, 2026 v1) and from one crafted here. */
class SlsaPredicateTest {
    private static JsonObject predicate(String shared, int index) throws Exception {
        JsonObject response = JsonParser.parseString(Files.readString(SharedVectorsTest.shared(shared)))
                .getAsJsonObject();
        for (var a : response.getAsJsonArray("attestations")) {
            JsonObject o = a.getAsJsonObject();
            if (o.get("predicateType").getAsString().startsWith("https://slsa.dev/") && index-- == 0) {
                String payload = o.getAsJsonObject("bundle").getAsJsonObject("dsseEnvelope").get("payload")
                        .getAsString();
                return JsonParser.parseString(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8))
                        .getAsJsonObject().getAsJsonObject("predicate");
            }
        }
        throw new AssertionError("no SLSA predicate in " + shared);
    }

    @Test
    void slsaV02AsNpmWroteItIn2023() throws Exception {
        assertEquals(new BuildFacts(".github/workflows/publish.yml", "refs/tags/v1.0.0", "release",
                        "https://github.com/npm/cli@9.4.2", "06528997c3c8ab9f864fad9a3658446aca7fd86d"),
                SlsaPredicate.facts(NpmAttestationVerifier.SLSA_V02, predicate("npm-cli/sigstore-1.0.0.attestations.json", 0)));
    }

    @Test
    void slsaV1() throws Exception {
        assertEquals(new BuildFacts(".github/workflows/publish.yml", "refs/tags/v0.1.1", "release",
                        "https://github.com/actions/runner/github-hosted", "d1c6d1113932ddcee243e8b111b6d4aea553df20"),
                SlsaPredicate.facts(NpmAttestationVerifier.SLSA_V1,
                        predicate("sigstore-dotnet/playwright-cli-0.1.1-attestations.json", 0)));
    }

    /** The shape of the May 2026 TanStack provenance: valid, but from a pull_request_target workflow. */
    @Test
    void aCraftedPullRequestTargetBuild() {
        JsonObject p = JsonParser.parseString("""
                {"buildDefinition": {"externalParameters": {"workflow": {"ref": "refs/pull/7/merge",
                   "repository": "https://github.com/acme/lib", "path": ".github/workflows/pr.yml"}},
                 "internalParameters": {"github": {"event_name": "pull_request_target"}},
                 "resolvedDependencies": [{"digest": {"gitCommit": "%s"}}]},
                 "runDetails": {"builder": {"id": "https://github.com/actions/runner/github-hosted"}}}
                """.formatted("ab".repeat(20))).getAsJsonObject();
        assertEquals(new BuildFacts(".github/workflows/pr.yml", "refs/pull/7/merge", "pull_request_target",
                "https://github.com/actions/runner/github-hosted", "ab".repeat(20)),
                SlsaPredicate.facts(NpmAttestationVerifier.SLSA_V1, p));
        assertEquals(BuildFacts.NONE, SlsaPredicate.facts(NpmAttestationVerifier.PUBLISH, p));
    }
}
