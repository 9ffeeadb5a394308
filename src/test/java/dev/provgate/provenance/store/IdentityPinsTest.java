// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.store.IdentityPins.PinCheck.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Trust on first use: the first signer is pinned; a later different one is CHANGED, a new release tag is not. */
class IdentityPinsTest {
    private static final String GITHUB = "https://token.actions.githubusercontent.com";
    private static final SignerIdentity V1 = github("microsoft/playwright-cli", "publish.yml", "refs/tags/v0.1.1");
    @TempDir
    Path root;

    private static SignerIdentity github(String repo, String workflow, String ref) {
        String config = "https://github.com/" + repo + "/.github/workflows/" + workflow + "@" + ref;
        return new SignerIdentity(GITHUB, config, "https://github.com/" + repo, config, ref, "");
    }

    private IdentityPins pins() {
        return new AttestationStore(root).identities();
    }

    @Test
    void firstUsePinsThenTheSameSignerMatches() throws Exception {
        assertEquals(Status.FIRST_USE,
                pins().checkAndPin(Ecosystem.NPM, "@playwright/cli", "npm-provenance", "0.1.1", V1).status());
        assertEquals("""
                {
                  "npm-provenance" : {
                    "builder" : "",
                    "firstSeenVersion" : "0.1.1",
                    "issuer" : "https://token.actions.githubusercontent.com",
                    "keyFingerprint" : "",
                    "sourceRepository" : "https://github.com/microsoft/playwright-cli",
                    "trigger" : "",
                    "workflow" : "https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml"
                  }
                }
                """, Files.readString(root.resolve("npm/@playwright/cli/identities.json")));
        IdentityPins.PinCheck next = pins().checkAndPin(Ecosystem.NPM, "@playwright/cli", "npm-provenance", "0.1.2",
                github("microsoft/playwright-cli", "publish.yml", "refs/tags/v0.1.2"));
        assertEquals(Status.SAME, next.status());
        assertEquals("0.1.1", next.pinned().orElseThrow().firstSeenVersion());
    }

    @ParameterizedTest(name = "{0}/{1} after microsoft/playwright-cli/publish.yml is {2}")
    @CsvSource({"microsoft/playwright-cli, publish.yml, SAME", "evil/playwright-cli, publish.yml, CHANGED",
            "microsoft/playwright-cli, other.yml, CHANGED"})
    void changedRepositoryOrWorkflowIsReported(String repo, String workflow, Status expected) {
        pins().pin(Ecosystem.NPM, "@playwright/cli", "npm-provenance", "0.1.1", V1);
        IdentityPins.PinCheck check = pins().checkAndPin(Ecosystem.NPM, "@playwright/cli", "npm-provenance", "0.2.0",
                github(repo, workflow, "refs/tags/v0.2.0"));
        assertEquals(expected, check.status());
        assertEquals(V1.sourceRepository(), pins().pinned(Ecosystem.NPM, "@playwright/cli", "npm-provenance")
                .orElseThrow().sourceRepository(), "a changed signer does not replace the pin");
    }

    @Test
    void mechanismsArePinnedApartAndPgpByFingerprint() {
        SignerIdentity key = new SignerIdentity("", "", "", "", "", "FF6E2C001948C5F2F38B0CC385911F425EC61B51");
        pins().pin(Ecosystem.MAVEN, "org.junit.jupiter:junit-jupiter-api", "maven-pgp", "5.10.2", key);
        assertEquals(Status.FIRST_USE, pins().check(Ecosystem.MAVEN, "org.junit.jupiter:junit-jupiter-api",
                "maven-sigstore", V1).status());
        SignerIdentity other = new SignerIdentity("", "", "", "", "", "300B49C14DFA7E0AD9D8515400E008229F5DAF37");
        assertEquals(Status.CHANGED, pins().check(Ecosystem.MAVEN, "org.junit.jupiter:junit-jupiter-api",
                "maven-pgp", other).status());
    }

    @Test
    void emailIdentityKeepsItsAtSign() {
        SignerIdentity mail = new SignerIdentity("https://github.com/login/oauth", "william@yossarian.net", "", "",
                "", "");
        pins().pin(Ecosystem.PYPI, "rfc8785", "pypi-attestation", "0.1.2", mail);
        assertEquals("william@yossarian.net",
                pins().pinned(Ecosystem.PYPI, "rfc8785", "pypi-attestation").orElseThrow().workflow());
    }

    @Test
    void damagedPinFileIsAnInputError() throws Exception {
        Path file = root.resolve("npm/a/identities.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"npm-provenance\": 5}");
        ProvgateException e = assertThrows(ProvgateException.class,
                () -> pins().check(Ecosystem.NPM, "a", "npm-provenance", V1));
        assertEquals(file.toString(), e.file());
    }
}
