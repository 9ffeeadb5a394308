// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.store.RegistryDigests;
import dev.provgate.provenance.store.StoreWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lockfile's digest against the registry's, for packages that carry no signature or attestation at all. */
class RegistryDigestCheckTest {
    private static final String TUF_JS_SHA512 = "d5dc6c4301120f30022634dd607438c09d5ffe87fb8c02d629f2441d205651007fe5"
            + "44c9531f525ba1875e9e266752af7414490a91a3b2ca0f1468b886fc3cfc";

    @TempDir
    Path dir;

    private CliRunner.Result check() {
        return CliRunner.run("check", dir.toString());
    }

    @Test
    void npmLockfileIntegrityAgainstTheRegistryWithoutSignatures() {
        ProvenanceProject p = new ProvenanceProject(dir).npm("tuf-js", "1.0.0", ProvenanceProject.TUF_JS_INTEGRITY);
        new StoreWriter(p.store()).writeRegistryDigests(Ecosystem.NPM, "tuf-js", "1.0.0", new RegistryDigests(
                List.of(new Hash(HashAlgorithm.SHA512, TUF_JS_SHA512, "")), "npm dist.integrity and dist.shasum",
                "https://npm.registry.invalid/tuf-js"));
        p.notPublished(Ecosystem.NPM, "tuf-js", "1.0.0", "attestations.json", "registry-signatures.json");
        CliRunner.Result same = check();
        assertEquals(0, same.exitCode(), same.out() + same.err());

        p.npm("tuf-js", "1.0.0", ProvenanceProject.OTHER_INTEGRITY);
        CliRunner.Result other = check();
        assertEquals(1, other.exitCode(), other.out() + other.err());
        assertTrue(other.out().contains("provenance/tampered"), other.out());
        assertTrue(other.out().contains("registry sha512 " + TUF_JS_SHA512), other.out());
    }

    @Test
    void pypiLockedFileAgainstTheIndexDigest() {
        ProvenanceProject p = new ProvenanceProject(dir).pylock(ProvenanceProject.PYPI_ATTESTATIONS_SHA256);
        new StoreWriter(p.store()).writeRegistryDigests(Ecosystem.PYPI, "pypi-attestations", "0.0.19",
                new RegistryDigests(List.of(new Hash(HashAlgorithm.SHA256, "00".repeat(32),
                        ProvenanceProject.PYPI_ATTESTATIONS_SDIST), new Hash(HashAlgorithm.SHA256, "11".repeat(32),
                        "pypi_attestations-0.0.19-py3-none-any.whl")), "pypi urls.digests", ""));
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("lockfile sha256 of pypi_attestations-0.0.19.tar.gz "
                + ProvenanceProject.PYPI_ATTESTATIONS_SHA256 + ", registry sha256 " + "00".repeat(32)), r.out());
        assertFalse(r.out().contains("11".repeat(32)), "another file's digest is not compared: " + r.out());
    }
}
