// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.VerificationResult.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * sigstore-java 2.0.0 is a dependency, so its jar as Maven Central serves it sits in the local Maven repository:
 * hash the real bytes and verify them with the stored bundle and the bundled trust root.
 */
class MavenCentralEndToEndTest {
    private static final String SAN = "https://github.com/sigstore/sigstore-java/.github/workflows/"
            + "release-sigstore-java-from-tag.yaml@refs/tags/v2.0.0";

    @Test
    void sigstoreJavaJarVerifiesFromTheLocalRepository() throws IOException {
        Path jar = SharedVectorsTest.localMavenFile("dev/sigstore/sigstore-java/2.0.0/sigstore-java-2.0.0.jar");
        SigstoreVerifier verifier = SigstoreVerifier.builder().trustedRoot(TrustedRoot.bundled())
                .clock(ConformanceBundleVerifyTest.CLOCK).build();
        VerificationResult r = verifier.verify(ArtifactDigest.ofFile(HashAlgorithm.SHA256, jar),
                AttestationBundle.read(SharedVectorsTest.shared("maven-central/sigstore-java-2.0.0.jar.sigstore.json")),
                new IdentityPolicy(IdentityPolicy.GITHUB_ACTIONS, SAN, "https://github.com/sigstore/sigstore-java",
                        ".github/workflows/release-sigstore-java-from-tag.yaml", "refs/tags/v2\\..*"));
        assertEquals(Outcome.VERIFIED, r.outcome(), r.reason());
        assertEquals(711312233L, r.logIndex());
        assertEquals(Instant.parse("2025-11-20T20:45:23Z"), r.integratedTime());
        assertEquals("https://github.com/sigstore/sigstore-java", r.identity().sourceRepository());
        assertEquals("refs/tags/v2.0.0", r.identity().ref());
    }
}
