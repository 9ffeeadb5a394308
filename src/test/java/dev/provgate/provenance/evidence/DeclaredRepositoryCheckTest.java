// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ProvenanceResult.Outcome;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.store.DeclaredRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclaredRepositoryCheckTest {
    private static final DeclaredRepository DECLARED = new DeclaredRepository("https://github.com/o/r",
            "maven pom scm.url", "https://github.com/o/r");
    private static final SignerIdentity CI = new SignerIdentity("https://token.actions.githubusercontent.com",
            "https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1", "https://github.com/o/r",
            ".github/workflows/release.yml", "refs/tags/v1", "");
    private static final SignerIdentity OTHER_CI = new SignerIdentity("https://token.actions.githubusercontent.com",
            "https://github.com/x/r/.github/workflows/release.yml@refs/tags/v1", "https://github.com/x/r",
            ".github/workflows/release.yml", "refs/tags/v1", "");
    private static final SignerIdentity PERSON = new SignerIdentity("https://github.com/login/oauth",
            "maintainer@example.invalid", "", "", "", "");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "maven-sigstore|ci|VERIFIED|source repository https://github.com/o/r matches the declared repository",
        "maven-sigstore|other|MISMATCH|built in https://github.com/x/r, but the package declares https://github.com/o/r "
                + "(declared repository in the registry metadata, maven pom scm.url); the signature is valid. If "
                + "https://github.com/x/r is right (a renamed or transferred repository), pin it in trust-tiers.yaml: "
                + "identities: - package: pkg:maven/g/a, repository: x/r",
        "maven-sigstore|person|VERIFIED|signed by a person, not a build, so the declared repository in the registry "
                + "metadata (https://github.com/o/r, maven pom scm.url) is not compared",
        "npm-provenance|person|MISMATCH|the certificate names no repository, but the package declares "
                + "https://github.com/o/r",
        "maven-pgp|other|VERIFIED|",
    })
    void comparesCiSignersWithTheDeclaredRepository(String mechanism, String signer, Outcome outcome, String reason) {
        SignerIdentity identity = switch (signer) {
            case "ci" -> CI;
            case "other" -> OTHER_CI;
            default -> PERSON;
        };
        ProvenanceResult r = DeclaredRepositoryCheck.apply(Component.builder(Ecosystem.MAVEN, "g:a", "1").build(),
                new ProvenanceResult(mechanism, Outcome.VERIFIED, "", identity, "00", 1, null), DECLARED);
        assertEquals(outcome, r.outcome());
        assertEquals(outcome == Outcome.MISMATCH ? ProvenanceResult.ExpectedBy.DECLARED : null, r.expectedBy(),
                "a declared repository that differs is a metadata disagreement, never a failed verification");
        if (reason == null) {
            assertEquals("", r.reason(), "key signatures name no repository: left as they are");
        } else {
            assertTrue(r.reason().startsWith(reason), r.reason());
        }
    }
}
