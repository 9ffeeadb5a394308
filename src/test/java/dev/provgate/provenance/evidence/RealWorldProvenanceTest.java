// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static dev.provgate.provenance.evidence.ProvenanceProject.OTHER_INTEGRITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.cli.CliRunner;
import dev.provgate.model.Ecosystem;
import dev.provgate.provenance.store.RepositoryUrls;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real npm provenance of 2023 (../shared/sigstore/npm-cli): tuf-js 1.0.0 was built in theupdateframework/tuf-js while
 * its registry metadata still declares github/tuf-js (the repository was transferred); sigstore 1.0.0's certificate
 * predates the Source Repository URI extension. And tampering blocks in every mode, with or without a policy.
 */
class RealWorldProvenanceTest {
    @TempDir
    Path dir;

    /** The store as fetch leaves it, with the declared repository read from the real registry document. */
    private ProvenanceProject project() throws IOException {
        ProvenanceProject p = new ProvenanceProject(dir).npmAttested();
        for (String pkg : new String[] {"tuf-js", "sigstore"}) {
            String declared = new ObjectMapper().readTree(ProvenanceProject.shared("npm-cli/registry-docs/" + pkg
                    + "-1.0.0.json").toFile()).path("repository").path("url").asText();
            p.declared(Ecosystem.NPM, pkg, "1.0.0", RepositoryUrls.normalise(declared).orElseThrow());
        }
        return p;
    }

    private CliRunner.Result check() {
        return CliRunner.run("check", dir.toString());
    }

    @Test
    void aTransferredRepositoryIsAMetadataWarningNotAFailedVerification() throws IOException {
        project();
        CliRunner.Result r = check();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("provenance/declared-repository"), r.out());
        assertTrue(r.out().contains("built in https://github.com/theupdateframework/tuf-js, but the package declares "
                + "https://github.com/github/tuf-js"), r.out());
        assertTrue(r.out().contains("identities: - package: pkg:npm/tuf-js, repository: theupdateframework/tuf-js"),
                r.out());
        assertFalse(r.out().contains("provenance/tampered"), r.out());
        assertFalse(r.out().contains("npm-provenance failed"), r.out());
    }

    @Test
    void pinningTheBuildRepositoryInThePolicySilencesTheWarningAndAnotherOneBlocks() throws IOException {
        ProvenanceProject p = project();
        p.policy(policy("theupdateframework/tuf-js", "provenance: attested"));
        CliRunner.Result pinned = check();
        assertEquals(0, pinned.exitCode(), pinned.out() + pinned.err());
        assertFalse(pinned.out().contains("provenance/declared-repository"), pinned.out());

        p.policy(policy("github/tuf-js", "provenance: attested"));
        CliRunner.Result wrong = check();
        assertEquals(1, wrong.exitCode(), wrong.out() + wrong.err());
        assertTrue(wrong.out().contains("provenance/unexpected-signer"), wrong.out());
        assertFalse(wrong.out().contains("provenance/tampered"), wrong.out());
    }

    /** sigstore 1.0.0's certificate has no Source Repository URI: its repository is read from the SAN, everywhere. */
    @Test
    void anOldCertificateMatchesThePolicyRepositoryThroughItsSan() throws IOException {
        ProvenanceProject p = project();
        p.policy(policy("theupdateframework/tuf-js", "provenance: attested") + """
                  - package: pkg:npm/sigstore
                    repository: sigstore/sigstore-js
                """);
        CliRunner.Result r = check();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.out().contains("unexpected signer"), r.out());
        assertFalse(r.out().contains("(none)"), r.out());
    }

    @Test
    void aChangedLockfileDigestBlocksWithoutAnyPolicy() throws IOException {
        ProvenanceProject p = project();
        p.npm("sigstore", "1.0.0", OTHER_INTEGRITY);
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("provenance/tampered"), r.out());
        assertTrue(r.out().contains("registry-digest failed: digest mismatch"), r.out());
    }

    @Test
    void tamperingBlocksUnderAWarnTierAndOnlyAnExpiringExceptionSilencesIt() throws IOException {
        ProvenanceProject p = project();
        p.npm("sigstore", "1.0.0", OTHER_INTEGRITY);
        p.policy(policy("theupdateframework/tuf-js", "provenance: {level: signature, severity: warn}"));
        CliRunner.Result warnTier = check();
        assertEquals(1, warnTier.exitCode(), warnTier.out() + warnTier.err());
        assertTrue(warnTier.out().contains("provenance/tampered"), warnTier.out());

        p.policy(warnTierExcepting("2999-12-31"));
        CliRunner.Result excepted = check();
        assertEquals(0, excepted.exitCode(), excepted.out() + excepted.err());

        p.policy(warnTierExcepting("2020-01-31"));
        CliRunner.Result expired = check();
        assertEquals(1, expired.exitCode(), expired.out() + expired.err());
    }

    /** A warn-level provenance tier, and an exception for sigstore 1.0.0's tampering that ends on {@code expires}. */
    private static String warnTierExcepting(String expires) {
        return policy("theupdateframework/tuf-js", "provenance: {level: signature, severity: warn}") + """
                exceptions:
                  - package: pkg:npm/sigstore@1.0.0
                    rule: provenance/tampered
                    reason: local build of a patched tarball, reviewed
                    owner: alice
                    expires: %s
                """.formatted(expires);
    }

    private static String policy(String tufJsRepository, String provenance) {
        return """
                version: 1
                builtin_classification: false
                default_tier: npm
                tiers:
                  0:
                    name: npm
                    requires:
                      %s
                identities:
                  - package: pkg:npm/tuf-js
                    repository: %s
                """.formatted(provenance, tufJsRepository);
    }
}
