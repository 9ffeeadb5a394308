// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static dev.provgate.policy.PolicyTesting.NOW;
import static dev.provgate.policy.PolicyTesting.maven;
import static dev.provgate.policy.PolicyTesting.npm;
import static dev.provgate.policy.PolicyTesting.pypi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Evidence;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Location;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ReleaseInfo;
import dev.provgate.model.SignerIdentity;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import dev.provgate.policy.Outcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule and outcome: the tier's requires body, a component with evidence, the expected outcome. */
class RequirementsTest {
    private static final Hash SHA512 = new Hash(HashAlgorithm.SHA512, "ab".repeat(64));
    private static final String NPM_URL = "https://npm.registry.invalid/left-pad/-/left-pad-1.3.0.tgz";
    private static final SignerIdentity LITELLM = new SignerIdentity("https://token.actions.githubusercontent.com",
            "", "https://github.com/BerriAI/litellm", ".github/workflows/publish.yml@refs/tags/v1.82.6", "", "");
    private static final SignerIdentity FORK = new SignerIdentity("https://token.actions.githubusercontent.com",
            "", "https://github.com/someone/litellm", ".github/workflows/publish.yml", "", "");
    private static final SignerIdentity REGISTRY_KEY = new SignerIdentity("", "", "", "", "", "SHA256:key");
    private static final String IDENTITY = """
            identities:
              - package: pkg:pypi/litellm
                repository: BerriAI/litellm
                workflow: .github/workflows/publish.yml
            """;

    record Case(String name, String requires, String extra, ComponentEvidence evidence, Baseline baseline,
                String ruleId, Status status, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Component leftPad = npm("left-pad", "1.3.0").hash(SHA512).source(Source.registry(NPM_URL)).build();
        Component litellm = pypi("litellm", "1.82.7").build();
        Component yarnLocked = npm("left-pad", "1.3.0").installScript(InstallScript.UNRECORDED)
                .location(new Location("web/yarn.lock", 12)).build();
        return Stream.of(
                c("hashes pass", "hashes: true", leftPad, "tier/hashes", Status.PASS, "1 hash (SHA-512)"),
                c("hashes fail", "hashes: true", npm("left-pad", "1.3.0").build(), "tier/hashes", Status.FAIL,
                        "no hash in the lockfile for left-pad@1.3.0"),
                c("hashes path source", "hashes: true", npm("local", "1.0.0").source(Source.of(SourceKind.PATH,
                        "../local")).build(), "tier/hashes", Status.PASS, "nothing is downloaded"),

                c("sources allowed registry", "sources: {registries: ['https://npm.registry.invalid/']}", leftPad,
                        "tier/sources", Status.PASS, "registry " + NPM_URL),
                c("sources registry recorded without a slash", "sources: {registries: "
                        + "['https://npm.registry.invalid/']}", npm("left-pad", "1.3.0").source(new Source(
                        SourceKind.REGISTRY, NPM_URL, "https://npm.registry.invalid")).build(),
                        "tier/sources", Status.PASS, "registry https://npm.registry.invalid"),
                c("sources registry that only starts like an allowed one", "sources: {registries: "
                        + "['https://npm.registry.invalid/']}", npm("left-pad", "1.3.0").source(new Source(
                        SourceKind.REGISTRY, NPM_URL, "https://npm.registry.invalid.evil")).build(),
                        "tier/sources", Status.FAIL, "not an allowed registry"),
                c("sources other registry", "sources: {registries: ['https://mirror.invalid/']}", leftPad,
                        "tier/sources", Status.FAIL, "not an allowed registry"),
                c("sources registry unknown", "sources: {registries: ['https://mirror.invalid/']}",
                        npm("left-pad", "1.3.0").build(), "tier/sources", Status.UNVERIFIED,
                        "does not record which registry"),
                c("sources python index", "sources: {registries: ['https://pypi.mirror.invalid/simple']}",
                        pypi("six", "1.16.0").source(new Source(SourceKind.REGISTRY, "",
                                "https://pypi.mirror.invalid/simple")).build(),
                        "tier/sources", Status.PASS, "registry https://pypi.mirror.invalid/simple"),
                c("sources git forbidden", "sources: {}", npm("x", "1.0.0").source(Source.of(SourceKind.GIT,
                        "git+https://git.invalid/x.git")).build(), "tier/sources", Status.FAIL,
                        "git sources are forbidden in this tier"),
                c("sources git allowed", "sources: {git: allowed}", npm("x", "1.0.0").source(Source.of(
                        SourceKind.GIT, "git+https://git.invalid/x.git")).build(), "tier/sources", Status.PASS,
                        "(allowed)"),
                c("sources url forbidden", "sources: {}", npm("x", "1.0.0").source(Source.of(SourceKind.URL,
                        "https://x.invalid/x.tgz")).build(), "tier/sources", Status.FAIL, "url sources"),
                c("sources workspace allowed by default", "sources: {}", npm("app", "1.0.0").source(Source.of(
                        SourceKind.WORKSPACE, "packages/app")).build(), "tier/sources", Status.PASS, "allowed"),
                c("sources workspace forbidden", "sources: {workspace: forbidden}", npm("app", "1.0.0")
                        .source(Source.of(SourceKind.WORKSPACE, "packages/app")).build(), "tier/sources",
                        Status.FAIL, "workspace sources are forbidden"),
                c("sources link follows path", "sources: {path: allowed}", npm("l", "1.0.0").source(Source.of(
                        SourceKind.LINK, "../l")).build(), "tier/sources", Status.PASS, "link source ../l"),

                c("install scripts none", "install_scripts: forbidden", leftPad, "tier/install-scripts",
                        Status.PASS, "no install script"),
                c("install scripts forbidden", "install_scripts: forbidden", npm("sharp", "0.33.0")
                        .installScript(InstallScript.RUNS).build(), "tier/install-scripts", Status.FAIL, "hasInstallScript"),
                c("install scripts allowed for", "install_scripts: {allowed_for: [pkg:npm/@esbuild/*, "
                        + "pkg:npm/esbuild]}", npm("esbuild", "0.20.0").installScript(InstallScript.RUNS).build(),
                        "tier/install-scripts", Status.PASS, "allowed for pkg:npm/esbuild"),
                c("install scripts unrecorded, no registry metadata", "install_scripts: forbidden", yarnLocked,
                        "tier/install-scripts", Status.UNVERIFIED,
                        "yarn.lock does not record install scripts and the attestation store has no registry "
                                + "metadata for left-pad@1.3.0"),
                c("install scripts unrecorded, registry says none", "install_scripts: forbidden", yarnLocked,
                        registryScripts(false), "tier/install-scripts", Status.PASS,
                        "no install script (registry metadata, npm time https://npm.registry.invalid/left-pad)"),
                c("install scripts unrecorded, registry says it runs one", "install_scripts: forbidden", yarnLocked,
                        registryScripts(true), "tier/install-scripts", Status.FAIL,
                        "runs an install script at install time (registry metadata, npm time "),
                c("install scripts unrecorded, allowed for", "install_scripts: {allowed_for: [pkg:npm/left-pad]}",
                        yarnLocked, "tier/install-scripts", Status.PASS,
                        "install scripts unknown, allowed for pkg:npm/left-pad"),
                c("install scripts recorded beat the registry", "install_scripts: forbidden", leftPad,
                        registryScripts(true), "tier/install-scripts", Status.PASS, "no install script in the lockfile"),

                c("release age old enough", "min_release_age: 7d", leftPad, released(Duration.ofDays(10)),
                        "tier/release-age", Status.PASS, "(10d ago)"),
                c("release age too young", "min_release_age: 36h", leftPad, released(Duration.ofHours(30)),
                        "tier/release-age", Status.FAIL, "(30h ago), younger than the 36h cooldown"),
                c("release age minutes", "min_release_age: 90m", leftPad, released(Duration.ofMinutes(45)),
                        "tier/release-age", Status.FAIL, "(45m ago), younger than the 90m cooldown"),
                c("release age no evidence", "min_release_age: 7d", leftPad, "tier/release-age",
                        Status.UNVERIFIED, "no publish date for left-pad@1.3.0"),
                c("release age unknown date", "min_release_age: 7d", leftPad, new ReleaseInfo(null, "cache"),
                        "tier/release-age", Status.UNVERIFIED, "no publish date"),
                new Case("release age fast lane", "min_release_age: 7d", approved("pkg:npm/left-pad@1.3.0"),
                        new ComponentEvidence(leftPad, List.of(released(Duration.ofHours(2)))), Baseline.none(),
                        "tier/release-age", Status.PASS, "fast lane: approved by alice (urgent fix)"),

                c("provenance no evidence", "provenance: attested", litellm, "tier/provenance",
                        Status.UNVERIFIED, "no provenance evidence (run with attestations)"),
                c("provenance attested", "provenance: attested", litellm, verified("pypi-attestation", LITELLM),
                        "tier/provenance", Status.PASS, "attested (pypi-attestation from https://github.com/"),
                c("provenance only signed", "provenance: attested", maven("org.example:lib", "1.0").build(),
                        verified("maven-pgp", null), "tier/provenance", Status.FAIL,
                        "requires attested provenance, found signature"),
                c("provenance signature enough", "provenance: signature", maven("org.example:lib", "1.0").build(),
                        verified("maven-pgp", null), "tier/provenance", Status.PASS, "signature (maven-pgp)"),
                c("provenance failed", "provenance: signature", litellm, new ProvenanceResult("pypi-attestation",
                        ProvenanceResult.Outcome.FAILED, "subject digest does not match", null, "", -1, null),
                        // the tampering itself is provenance/tampered, in every mode; for this rule it is not verified
                        "tier/provenance", Status.UNVERIFIED,
                        "nothing verified: pypi-attestation failed (reported as provenance/tampered)"),
                c("provenance not checked", "provenance: signature", litellm,
                        ProvenanceResult.unverified("pypi-attestation", "offline"),
                        "tier/provenance", Status.UNVERIFIED, "pypi-attestation unverified: offline"),
                c("provenance unsupported", "provenance: signature", litellm, new ProvenanceResult(
                        "pypi-attestation", ProvenanceResult.Outcome.UNSUPPORTED, "Rekor v2 entry", null, "", -1,
                        null), "tier/provenance", Status.UNVERIFIED, "unsupported: Rekor v2 entry"),
                new Case("provenance expected identity", "provenance: attested", IDENTITY,
                        new ComponentEvidence(litellm, List.of(verified("pypi-attestation", LITELLM))),
                        Baseline.none(), "tier/provenance", Status.PASS, "attested"),
                new Case("provenance wrong identity", "provenance: attested", IDENTITY,
                        new ComponentEvidence(litellm, List.of(verified("pypi-attestation", FORK))),
                        Baseline.none(), "tier/provenance", Status.FAIL,
                        "unexpected signer: repository https://github.com/someone/litellm, expected BerriAI/litellm"),
                new Case("provenance expected identity beside a registry-key signature", "provenance: attested",
                        IDENTITY, new ComponentEvidence(litellm, List.of(verified("pypi-attestation", LITELLM),
                                verified("npm-publish", REGISTRY_KEY))),
                        Baseline.none(), "tier/provenance", Status.PASS, "attested"),
                new Case("provenance expected identity but only key-signed", "provenance: signature", IDENTITY,
                        new ComponentEvidence(litellm, List.of(verified("maven-pgp", REGISTRY_KEY))),
                        Baseline.none(), "tier/provenance", Status.UNVERIFIED,
                        "only key-signed provenance: nothing shows the expected signer"),
                new Case("provenance continuity kept", "provenance: signature", "",
                        new ComponentEvidence(litellm, List.of(verified("pypi-attestation", LITELLM))),
                        earlier("pypi-attestation"), "tier/provenance", Status.PASS, "attested"),
                new Case("provenance continuity broken", "provenance: signature", "",
                        new ComponentEvidence(litellm, List.of(verified("pypi-publish-signature", null))),
                        earlier("pypi-attestation"), "tier/provenance", Status.FAIL,
                        "less provenance than earlier versions: they were attested, this one is signature"),
                new Case("provenance continuity off", "provenance: {level: signature, continuity: false}", "",
                        new ComponentEvidence(litellm, List.of(verified("pypi-publish-signature", null))),
                        earlier("pypi-attestation"), "tier/provenance", Status.PASS, "signature"),
                new Case("provenance none but attested before", "provenance: {level: none}", "",
                        new ComponentEvidence(litellm, List.of()), earlier("pypi-attestation"),
                        "tier/provenance", Status.UNVERIFIED, "no provenance evidence"),
                c("provenance none nothing before", "provenance: {level: none}", litellm, "tier/provenance",
                        Status.PASS, "no provenance required"),

                c("approval without baseline", "approval: true", litellm, "tier/approval", Status.FAIL,
                        "1.82.7 is not in approved: (no baseline to compare with"),
                new Case("approval listed", "approval: true", approved("pkg:pypi/litellm@1.82.7"),
                        new ComponentEvidence(litellm, List.of()), Baseline.none(), "tier/approval", Status.PASS,
                        "approved by alice (urgent fix), trust-tiers.yaml:"),
                new Case("approval unchanged", "approval: true", "", new ComponentEvidence(litellm, List.of()),
                        Baseline.ofComponents(List.of(pypi("LiteLLM", "1.82.7").build())), "tier/approval",
                        Status.PASS, "unchanged since the baseline"),
                new Case("approval changed", "approval: true", "", new ComponentEvidence(litellm, List.of()),
                        Baseline.ofComponents(List.of(pypi("litellm", "1.82.6").build())), "tier/approval",
                        Status.FAIL, "changed from 1.82.6 to 1.82.7 without an entry in approved:"),
                new Case("approval new package", "approval: true", "", new ComponentEvidence(litellm, List.of()),
                        Baseline.ofComponents(List.of(pypi("six", "1.16.0").build())), "tier/approval",
                        Status.FAIL, "new package at 1.82.7"),
                new Case("approval other version approved", "approval: true", approved("pkg:pypi/litellm@1.82.6"),
                        new ComponentEvidence(litellm, List.of()),
                        Baseline.ofComponents(List.of(pypi("litellm", "1.82.6").build())), "tier/approval",
                        Status.FAIL, "changed from 1.82.6 to 1.82.7")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outcome(Case c) {
        PolicyEngine engine = PolicyTesting.engine("""
                builtin_classification: false
                tiers:
                  2:
                    name: product
                    requires:
                      %s
                %s""".formatted(c.requires(), c.extra()));
        Assessment a = engine.assess(c.evidence(), c.baseline());
        Outcome o = a.outcomes().stream().filter(x -> x.ruleId().equals(c.ruleId())).findFirst().orElseThrow();
        assertEquals(c.status(), o.status(), o.detail());
        assertTrue(o.detail().contains(c.detail()), o.detail());
    }

    private static Case c(String name, String requires, Component component, String ruleId, Status status,
                          String detail) {
        return new Case(name, requires, "", new ComponentEvidence(component, List.of()), Baseline.none(), ruleId,
                status, detail);
    }

    private static Case c(String name, String requires, Component component, Evidence evidence, String ruleId,
                          Status status, String detail) {
        return new Case(name, requires, "", new ComponentEvidence(component, List.of(evidence)), Baseline.none(),
                ruleId, status, detail);
    }

    private static ReleaseInfo registryScripts(boolean runs) {
        return new ReleaseInfo(NOW.minus(Duration.ofDays(30)), "npm time https://npm.registry.invalid/left-pad", runs);
    }

    private static ReleaseInfo released(Duration ago) {
        return new ReleaseInfo(NOW.minus(ago), "https://npm.registry.invalid/left-pad");
    }

    private static ProvenanceResult verified(String mechanism, SignerIdentity identity) {
        return new ProvenanceResult(mechanism, ProvenanceResult.Outcome.VERIFIED, "", identity, "00", 1, NOW);
    }

    private static Baseline earlier(String mechanism) {
        return Baseline.of(List.of(new ComponentEvidence(pypi("litellm", "1.82.6").build(),
                List.of(verified(mechanism, LITELLM)))));
    }

    private static String approved(String purl) {
        return """
                approved:
                  - package: %s
                    by: alice
                    reason: urgent fix
                """.formatted(purl);
    }
}
