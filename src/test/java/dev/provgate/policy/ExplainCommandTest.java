// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir
    Path dir;

    @Test
    void purlNotLockedIsExplainedStandalone() {
        CliRunner.Result r = CliRunner.run("explain", "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.82",
                "--policy", "trust-tiers.yaml", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                pkg:maven/org.bouncycastle/bcprov-jdk18on@1.82
                  locked in:  not in a lockfile; evaluated without lockfile evidence
                  tier:       tier 0 (critical)
                  why:        built-in classification package pkg:maven/org.bouncycastle/* (cryptography and signing)
                  requirements:
                    unverified  hashes           every locked artifact has a hash in the lockfile [block]
                                                 not found in a lockfile: no lockfile evidence
                    unverified  sources          from any registry; also allowed: workspace [block]
                                                 not found in a lockfile: no lockfile evidence
                    unverified  install_scripts  no install scripts [block]
                                                 not found in a lockfile: no lockfile evidence
                    pass        min_release_age  published at least 7d ago (approved versions pass at once) [block]
                                                 fast lane: approved by provgate maintainers (Bouncy Castle release used by sigstore-java 2.0.0 and our PGP verifier), trust-tiers.yaml:92
                    unverified  provenance       provenance: at least signature, and no less than earlier versions [block]
                                                 maven-sigstore unverified: Sigstore bundle of bcprov-jdk18on-1.82.jar of org.bouncycastle:bcprov-jdk18on@1.82 not fetched: run provgate attestations fetch (store STORE); maven-pgp unverified: PGP signature of bcprov-jdk18on-1.82.jar of org.bouncycastle:bcprov-jdk18on@1.82 not fetched: run provgate attestations fetch (store STORE)
                    pass        approval         version changes are listed in approved: with who and why [block]
                                                 approved by provgate maintainers (Bouncy Castle release used by sigstore-java 2.0.0 and our PGP verifier), trust-tiers.yaml:92
                  blocked:    no
                  verdict:    block (4 blocking, 0 warning)
                """.replace("STORE", dir.resolve("attestations").toString()), r.out());
    }

    @Test
    void scopedNpmPurlInReadableForm() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), PolicyTesting.TIERS);
        CliRunner.Result r = CliRunner.run("explain", "pkg:npm/@aws-sdk/client-s3@3.600.0", "--policy",
                policy.toString(), dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("pkg:npm/%40aws-sdk/client-s3@3.600.0\n"), r.out());
        assertTrue(r.out().contains("tier:       tier 1 (tooling)"), r.out());
        assertTrue(r.out().contains("(none: this tier requires nothing)"), r.out());
        assertTrue(r.out().contains("verdict:    pass (0 blocking, 0 warning)"), r.out());
    }

    @Test
    void exceptionIsShown() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), """
                builtin_classification: false
                tiers:
                  2:
                    name: product
                    requires: {provenance: signature}
                exceptions:
                  - package: pkg:pypi/six
                    rule: tier/provenance
                    reason: no signatures published upstream
                    owner: bob
                    expires: 2999-12-31
                """);
        CliRunner.Result r = CliRunner.run("explain", "pkg:pypi/six@1.16.0", "--policy", policy.toString(),
                dir.toString());
        assertTrue(r.out().contains("exception:  tier/provenance silenced: no signatures published upstream "
                + "(owner bob, until 2999-12-31)"), r.out());
        assertTrue(r.out().contains("verdict:    pass (0 blocking, 0 warning)"), r.out());
    }

    @Test
    void nameAtVersionMustBeLocked() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), PolicyTesting.TIERS);
        CliRunner.Result r = CliRunner.run("explain", "litellm@1.82.7", "--policy", policy.toString(),
                dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("provgate: litellm@1.82.7 is not locked in the lockfiles under "), r.err());
        assertTrue(r.err().contains("give a full purl"), r.err());
    }

    @Test
    void badPolicyIsExitTwoWithItsLine() throws IOException {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), "tiers:\n  0: {name: critical, requirs: {}}\n");
        CliRunner.Result r = CliRunner.run("explain", "pkg:npm/x@1.0.0", "--policy", policy.toString(),
                dir.toString());
        assertEquals(2, r.exitCode());
        assertEquals("provgate: " + policy.toString().replace('\\', '/') + ":2: unknown key 'requirs' in tier 0 "
                + "(did you mean 'requires'?); known keys: description, name, requires, severity", r.err().strip());
    }

    @Test
    void missingPolicyIsExitTwo() {
        CliRunner.Result r = CliRunner.run("explain", "pkg:npm/x@1.0.0", "--policy",
                dir.resolve("none.yaml").toString(), dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no such file (run 'provgate init'"), r.err());
    }

    @Test
    void badPurlIsExitTwo() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), PolicyTesting.TIERS);
        CliRunner.Result r = CliRunner.run("explain", "pkg:", "--policy", policy.toString(), dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("provgate: not a package URL: pkg:"), r.err());
    }
}
