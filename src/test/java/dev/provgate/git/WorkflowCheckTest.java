// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LiteLLM vector end to end: a repository whose workflow runs hijacked actions by tag is blocked at the
 * {@code uses:} lines (text, JSON, SARIF), in the work tree, staged, and against a baseline; the fixed tag and a
 * SHA-pinned action pass; the malicious tj-actions commit is blocked as a pin.
 */
class WorkflowCheckTest {
    static final String WORKFLOW = ".github/workflows/ci.yml";
    static final String MALICIOUS_COMMIT = "0e58ed8671d6b60d0890c21b07f8835ace038e67";
    static final String CHECKOUT_SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";
    static final String HIJACKED = """
            on: push
            jobs:
              scan:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@%s # v4.2.2
                  - uses: tj-actions/changed-files@v45
                  - uses: aquasecurity/trivy-action@0.28.0
            """.formatted(CHECKOUT_SHA);
    /** The same workflow without tj-actions and with the trivy-action release the advisory calls safe. */
    static final String FIXED = HIJACKED.replace("      - uses: tj-actions/changed-files@v45\n", "")
            .replace("trivy-action@0.28.0", "trivy-action@0.35.0");
    static final String PINNING_POLICY = """
            version: 1
            builtin_classification: false
            tiers:
              0:
                name: ci
                requires:
                  pinning: sha
                  allowed_owners: [actions, aquasecurity]
            """;

    @TempDir
    Path dir;

    /** ruleId@line for every finding of a JSON report. */
    static List<String> findings(CliRunner.Result r) {
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode f : new ObjectMapper().readTree(r.out()).path("findings")) {
                out.add(f.path("ruleId").asText() + " " + f.path("package").path("name").asText() + "@"
                        + f.path("location").path("line").asInt());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(r.out() + r.err(), e);
        }
    }

    @Test
    void hijackedTagsAreBlockedAtTheirUsesLines() throws IOException {
        write(WORKFLOW, HIJACKED);
        CliRunner.Result r = GitCheckTest.check(dir);
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals(List.of("advisory/malicious tj-actions/changed-files@7",
                "advisory/malicious aquasecurity/trivy-action@8"), findings(r));
        assertTrue(r.out().contains("GHSA-mrrh-fwg8-r2c3") && r.out().contains("GHSA-69fq-xp46-6x23"), r.out());

        CliRunner.Result sarif = CliRunner.run("check", "--no-policy", "--format", "sarif", dir.toString());
        JsonNode results = new ObjectMapper().readTree(sarif.out()).path("runs").path(0).path("results");
        List<String> at = new ArrayList<>();
        results.forEach(x -> {
            JsonNode loc = x.path("locations").path(0).path("physicalLocation");
            at.add(loc.path("artifactLocation").path("uri").asText() + ":" + loc.path("region").path("startLine")
                    .asInt());
        });
        assertEquals(List.of(WORKFLOW + ":7", WORKFLOW + ":8"), at.stream().map(s -> s.substring(s.indexOf(
                ".github"))).toList());
    }

    @Test
    void theFixedTagRaisesNoAdvisoryAndTheShaPinPassesPinning() throws IOException {
        write(WORKFLOW, FIXED);
        write("trust-tiers.yaml", PINNING_POLICY);
        CliRunner.Result r = CliRunner.run("check", "--format", "json", "--policy",
                dir.resolve("trust-tiers.yaml").toString(), dir.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertEquals(List.of("tier/pinning aquasecurity/trivy-action@7"), findings(r),
                "no advisory for 0.35.0; the SHA-pinned checkout passes pinning and owners");
    }

    @Test
    void aWorkflowPinnedToTheMaliciousCommitIsBlocked() throws IOException {
        write(WORKFLOW, HIJACKED.replace("tj-actions/changed-files@v45",
                "tj-actions/changed-files@" + MALICIOUS_COMMIT + " # v45.0.7"));
        CliRunner.Result r = GitCheckTest.check(dir);
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(findings(r).contains("advisory/malicious tj-actions/changed-files@7"), r.out());
    }

    @Test
    void disagreeingVersionCommentsFailPinning() throws IOException {
        write(WORKFLOW, FIXED);
        write(".github/workflows/release.yml", FIXED.replace(CHECKOUT_SHA, "0".repeat(40)));
        write("trust-tiers.yaml", PINNING_POLICY);
        CliRunner.Result r = CliRunner.run("check", "--format", "json", "--policy",
                dir.resolve("trust-tiers.yaml").toString(), dir.toString());
        List<String> f = findings(r);
        assertTrue(f.contains("tier/pinning actions/checkout@6"), f.toString());
        assertTrue(r.out().contains("the comment says v4.2.2 but ") && r.out().contains(
                ".github/workflows/release.yml:6 pins v4.2.2 to " + "0".repeat(40)), r.out());
    }

    @Test
    void stagedAndBaselineSeeWorkflows() {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.stage(WORKFLOW, FIXED).commit("fixed trivy");
            repo.write(WORKFLOW, HIJACKED);
            assertEquals(0, GitCheckTest.check(dir, "--staged").exitCode());
            repo.stage(WORKFLOW, HIJACKED);
            CliRunner.Result staged = GitCheckTest.check(dir, "--staged");
            assertEquals(1, staged.exitCode(), staged.out() + staged.err());
            assertEquals(2, findings(staged).size(), staged.out());

            repo.branch("feature").stage(WORKFLOW, HIJACKED).commit("hijacked");
            CliRunner.Result introduced = GitCheckTest.check(dir, "--baseline", "main");
            assertEquals(1, introduced.exitCode(), introduced.out() + introduced.err());
            CliRunner.Result atMain = GitCheckTest.check(dir, "--ref", "main");
            assertEquals(0, atMain.exitCode(), atMain.out() + atMain.err());
        }
    }

    @Test
    void theSbomMarksCiComponentsBuildTimeAndReadsBackForCheck() throws IOException {
        write(WORKFLOW, HIJACKED);
        Path bom = Files.createDirectories(dir.resolve("out")).resolve("bom.json");
        CliRunner.Result sbom = CliRunner.run("sbom", "-o", bom.toString(), dir.toString());
        assertEquals(0, sbom.exitCode(), sbom.err());
        JsonNode components = new ObjectMapper().readTree(bom.toFile()).path("components");
        List<String> buildTime = new ArrayList<>();
        components.forEach(c -> c.path("properties").forEach(p -> {
            if (p.path("name").asText().equals("provgate:ci:build-time")) {
                buildTime.add(c.path("purl").asText() + "=" + p.path("value").asText());
            }
        }));
        assertEquals(List.of("pkg:githubactions/actions/checkout@" + CHECKOUT_SHA + "=true",
                "pkg:githubactions/aquasecurity/trivy-action@0.28.0=true",
                "pkg:githubactions/tj-actions/changed-files@v45=true"), buildTime);
        CliRunner.Result fromBom = CliRunner.run("check", "--no-policy", "--format", "json", bom.toString());
        assertEquals(1, fromBom.exitCode(), fromBom.out() + fromBom.err());
        assertEquals(2, findings(fromBom).size(), fromBom.out());
    }

    @Test
    void theCooldownAppliesWhereTheStoreKnowsTheTagDate() throws IOException {
        write(WORKFLOW, FIXED);
        write("trust-tiers.yaml", """
                version: 1
                builtin_classification: false
                tiers:
                  0:
                    name: ci
                    requires:
                      min_release_age: 7d
                """);
        String tagged = "attestations/githubactions/aquasecurity/trivy-action/0.35.0/release.json";
        write(tagged, "{\"publishedAt\": \"" + java.time.Instant.now().minusSeconds(86_400) + "\", "
                + "\"source\": \"tag\", \"url\": \"https://github.com/aquasecurity/trivy-action\"}");
        CliRunner.Result fresh = CliRunner.run("check", "--format", "json", "--policy",
                dir.resolve("trust-tiers.yaml").toString(), dir.toString());
        assertEquals(1, fresh.exitCode(), fresh.out() + fresh.err());
        assertEquals(List.of("tier/release-age aquasecurity/trivy-action@7", "tier/release-age actions/checkout@6"),
                findings(fresh), "a known date blocks; an unknown one is an info note");

        write(tagged, "{\"publishedAt\": \"2026-03-01T00:00:00Z\", \"source\": \"tag\", \"url\": \"\"}");
        CliRunner.Result old = CliRunner.run("check", "--format", "json", "--policy",
                dir.resolve("trust-tiers.yaml").toString(), dir.toString());
        assertEquals(0, old.exitCode(), old.out() + old.err());
    }

    @Test
    void brokenWorkflowIsOneLineExitTwo() throws IOException {
        write(WORKFLOW, "jobs:\n  a: [\n");
        CliRunner.Result r = GitCheckTest.check(dir);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("provgate: " + dir.resolve(WORKFLOW).toString().replace('\\', '/') + ":3: "
                + "invalid YAML"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
