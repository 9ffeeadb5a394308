// SPDX-License-Identifier: Apache-2.0
package dev.provgate.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.ArtifactDigest;
import dev.provgate.provenance.AttestationBundle;
import dev.provgate.provenance.IdentityPolicy;
import dev.provgate.provenance.NpmAttestationVerifier;
import dev.provgate.provenance.NpmPackage;
import dev.provgate.provenance.NpmRegistryKeys;
import dev.provgate.provenance.PypiAttestationVerifier;
import dev.provgate.provenance.SigstoreVerifier;
import dev.provgate.provenance.TrustedRoot;
import dev.provgate.provenance.VerificationResult;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offline verification of 1,000 bundles in one process, mixed ecosystems (Maven Central bundles, npm provenance and
 * publish attestations including 2023 SET-only ones, PEP 740 attestations), each parsed from its bytes and verified
 * with reused verifiers. Score = verifications per second. Run (after {@code mvn -o test-compile}):
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main ProvenanceVerificationBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ProvenanceVerificationBench {
    static final int BUNDLES = 1000;

    private final List<Supplier<VerificationResult>> work = new ArrayList<>();

    @Setup
    public void setUp() throws IOException {
        Path shared = SharedData.root().resolve("sigstore");
        TrustedRoot root = TrustedRoot.load(shared.resolve("tuf-seeds/trusted_root.json"));
        SigstoreVerifier sigstore = SigstoreVerifier.builder().trustedRoot(root).clock(Clock.systemUTC()).build();
        NpmAttestationVerifier npm = new NpmAttestationVerifier(root,
                NpmRegistryKeys.load(shared.resolve("tuf-seeds/npm-registry-keys.json")), Clock.systemUTC());
        PypiAttestationVerifier pypi = new PypiAttestationVerifier(sigstore);
        List<Supplier<VerificationResult>> kinds = new ArrayList<>();
        byte[] jarBundle = Files.readAllBytes(shared.resolve("maven-central/sigstore-java-2.0.0.jar.sigstore.json"));
        ArtifactDigest jar = ArtifactDigest.ofHex(HashAlgorithm.SHA256,
                "f338c08740cdb2e663737abaf372fc3c442210ab7291c991e180797bd886cd61");
        IdentityPolicy sigstoreJava = IdentityPolicy.githubRepository("sigstore/sigstore-java");
        kinds.add(() -> sigstore.verify(jar, AttestationBundle.parse("jar", jarBundle), sigstoreJava));
        addNpm(kinds, npm, shared.resolve("sigstore-dotnet/playwright-cli-0.1.1-attestations.json"),
                new NpmPackage("@playwright/cli", "0.1.1"), "f64d7565f0f001f3150c322e1155b55afb3c4a80cd5c863574d43ef4"
                        + "2f7f492f199849647317acbb97a82fbbcd6bdea7b626d419aab54ccdaa428aaf765fc8f6",
                IdentityPolicy.githubRepository("microsoft/playwright-cli"));
        addNpm(kinds, npm, shared.resolve("npm-cli/sigstore-1.0.0.attestations.json"),
                new NpmPackage("sigstore", "1.0.0"), "7bea9f6e7ff37f5fab0b36bf061200fff03099fd2fd696b91d04bc5e4f225eb9"
                        + "fd6e0cadcad54ba980f43fb352a99e8810b4e0abeb5c0ef2cf9108cd1f258b36",
                IdentityPolicy.githubRepository("sigstore/sigstore-js"));
        byte[] pep740 = Files.readAllBytes(shared.resolve(
                "pypi-attestations/pypi_attestations-0.0.19.tar.gz.publish.attestation"));
        ArtifactDigest sdist = ArtifactDigest.ofHex(HashAlgorithm.SHA256,
                "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3");
        IdentityPolicy trailofbits = IdentityPolicy.githubRepository("trailofbits/pypi-attestations");
        kinds.add(() -> pypi.verify("pypi_attestations-0.0.19.tar.gz", sdist, AttestationBundle.parse("pep740", pep740),
                trailofbits));
        for (int i = 0; i < BUNDLES; i++) {
            work.add(kinds.get(i % kinds.size()));
        }
        for (Supplier<VerificationResult> w : kinds) {
            VerificationResult r = w.get();
            if (!r.verified()) {
                throw new IllegalStateException("benchmark vector does not verify: " + r.reason());
            }
        }
    }

    private static void addNpm(List<Supplier<VerificationResult>> kinds, NpmAttestationVerifier npm, Path file,
                               NpmPackage pkg, String sha512, IdentityPolicy policy) throws IOException {
        JsonArray attestations = JsonParser.parseString(Files.readString(file)).getAsJsonObject()
                .getAsJsonArray("attestations");
        ArtifactDigest digest = ArtifactDigest.ofHex(HashAlgorithm.SHA512, sha512);
        for (var a : attestations) {
            String predicateType = a.getAsJsonObject().get("predicateType").getAsString();
            byte[] bundle = a.getAsJsonObject().get("bundle").toString().getBytes(StandardCharsets.UTF_8);
            kinds.add(() -> npm.verify(pkg, digest, AttestationBundle.parse("npm", bundle), predicateType, policy));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BUNDLES)
    public int verifyThousandBundles() {
        int verified = 0;
        for (Supplier<VerificationResult> w : work) {
            verified += w.get().verified() ? 1 : 0;
        }
        return verified;
    }

    @Benchmark
    @OperationsPerInvocation(BUNDLES)
    public long verifyThousandBundlesOnAllCores() {
        return work.parallelStream().filter(w -> w.get().verified()).count();
    }
}
