// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code provgate verify} on the real vectors: exit codes and the one line per result. */
class VerifyCommandTest {
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String SAN = "https://github.com/sigstore/sigstore-java/.github/workflows/"
            + "release-sigstore-java-from-tag.yaml@refs/tags/v2.0.0";
    private static final String JUNIT_KEY = "pgp-keys/junit-marc-philipp-FF6E2C001948C5F2F38B0CC385911F425EC61B51.asc";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("pom bundle, exact identity",
                        List.of("maven-central/sigstore-java-2.0.0.pom", "maven-central/sigstore-java-2.0.0.pom.sigstore.json"),
                        List.of("--certificate-identity", SAN, "--certificate-oidc-issuer", ISSUER),
                        0, "sigstore-bundle: verified by " + SAN),
                Arguments.of("pom bundle, repository",
                        List.of("maven-central/sigstore-java-2.0.0.pom", "maven-central/sigstore-java-2.0.0.pom.sigstore.json"),
                        List.of("--repository", "sigstore/sigstore-java"), 0, "log index 711312024"),
                Arguments.of("pom bundle, other repository",
                        List.of("maven-central/sigstore-java-2.0.0.pom", "maven-central/sigstore-java-2.0.0.pom.sigstore.json"),
                        List.of("--repository", "sigstore/cosign"), 1, "MISMATCH (valid signature, unexpected signer): identity mismatch: source repository"),
                Arguments.of("jar bundle against the pom",
                        List.of("maven-central/sigstore-java-2.0.0.pom", "maven-central/sigstore-java-2.0.0.jar.sigstore.json"),
                        List.of("--repository", "sigstore/sigstore-java"), 1, "FAILED: "),
                Arguments.of("pgp, pinned key",
                        List.of("maven-central/junit-jupiter-api-5.10.2.pom", "maven-central/junit-jupiter-api-5.10.2.pom.asc"),
                        List.of("--pgp-keyring", JUNIT_KEY),
                        0, "pgp-signature: verified by key FF6E2C001948C5F2F38B0CC385911F425EC61B51"),
                Arguments.of("pgp, key not pinned",
                        List.of("maven-central/sigstore-java-2.0.0.pom", "maven-central/sigstore-java-2.0.0.pom.asc"),
                        List.of("--pgp-keyring", JUNIT_KEY), 1, "UNVERIFIED: unknown signer: key 00E008229F5DAF37"),
                Arguments.of("rekor v2 dsse is unsupported, not failed",
                        List.of("sigstore-conformance/bundle-verify/a.txt",
                                "sigstore-conformance/bundle-verify/rekor2-dsse-happy-path/bundle.sigstore.json"),
                        List.of("--repository", "sigstore-conformance/extremely-dangerous-public-oidc-beacon",
                                "--trusted-root",
                                "sigstore-conformance/bundle-verify/rekor2-dsse-happy-path/trusted_root.json"),
                        1, "UNSUPPORTED (not checked, not a sign of tampering)"),
                Arguments.of("managed key",
                        List.of("sigstore-conformance/bundle-verify/a.txt",
                                "sigstore-conformance/bundle-verify/managed-key-happy-path/bundle.sigstore.json"),
                        List.of("--key", "sigstore-conformance/bundle-verify/managed-key-happy-path/key.pub"),
                        0, "sigstore-bundle: verified by key SHA256:"),
                Arguments.of("managed key, wrong key",
                        List.of("sigstore-conformance/bundle-verify/a.txt",
                                "sigstore-conformance/bundle-verify/managed-key-wrong-key_fail/bundle.sigstore.json"),
                        List.of("--key", "sigstore-conformance/bundle-verify/managed-key-wrong-key_fail/key.pub"),
                        1, "FAILED: "),
                Arguments.of("pep 740 provenance object against the wrong file",
                        List.of("pypi-attestations/pypi_attestations-0.0.19.tar.gz.provenance",
                                "pypi-attestations/pypi_attestations-0.0.19.tar.gz.provenance"),
                        List.of("--repository", "trailofbits/pypi-attestations"), 1,
                        "pypi-attestation: FAILED: Provided artifact digest does not match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifiesRealVectors(String name, List<String> files, List<String> options, int exit, String expected) {
        List<String> args = new ArrayList<>(List.of("verify", "--artifact", shared(files.get(0)),
                "--bundle", shared(files.get(1))));
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            args.add(o.startsWith("--") || !options.get(i - 1).matches("--(pgp-keyring|trusted-root|key)") ? o : shared(o));
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(exit, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(expected), r.out());
        if (exit != 0) {
            assertFalse(r.out().contains(": verified"), r.out());
        }
    }

    @Test
    void truncatedBundleIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("cut.sigstore.json");
        Files.write(bundle, Files.readAllBytes(Path.of(shared("maven-central/sigstore-java-2.0.0.pom.sigstore.json"))),
                java.nio.file.StandardOpenOption.CREATE);
        Files.write(bundle, java.util.Arrays.copyOf(Files.readAllBytes(bundle), 300));
        CliRunner.Result r = CliRunner.run("verify", "--artifact", shared("maven-central/sigstore-java-2.0.0.pom"),
                "--bundle", bundle.toString(), "--repository", "sigstore/sigstore-java");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("provgate: " + bundle + ":"), r.err());
        assertTrue(r.err().contains("not valid JSON"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void signerIsRequiredForSigstoreBundles() {
        CliRunner.Result r = CliRunner.run("verify", "--artifact", shared("maven-central/sigstore-java-2.0.0.pom"),
                "--bundle", shared("maven-central/sigstore-java-2.0.0.pom.sigstore.json"));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("an expected signer is required"), r.err());
    }

    @Test
    void missingArtifactIsAnInputError() {
        CliRunner.Result r = CliRunner.run("verify", "--artifact", "no/such/file.jar",
                "--bundle", shared("maven-central/sigstore-java-2.0.0.pom.sigstore.json"), "--repository", "a/b");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no/such/file.jar: artifact file not found"), r.err());
    }

    private static String shared(String relative) {
        return SharedData.require("sigstore/" + relative).toString();
    }
}
