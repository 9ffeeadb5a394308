// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.ArtifactVerifier;
import dev.provgate.provenance.IdentityPolicy;
import dev.provgate.provenance.NpmPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Verifies one artifact against one bundle, attestation or signature, offline, like cosign verify-blob. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify one artifact against a Sigstore bundle, an npm attestations response, a PEP 740 "
                + "attestation or provenance object, or an OpenPGP .asc signature. Offline: the trusted root and "
                + "npm keys shipped with provgate are used unless overridden.",
        footer = {"", "Exit codes: 0 verified; 1 not verified (failed, unsupported format, or unknown signer);"
                + " 2 usage or input error; 3 internal error.",
                "An UNSUPPORTED result means the format is newer than this verifier: not verified, but not a sign"
                        + " of tampering either.",
                "", "Examples:",
                "  provgate verify --artifact app.jar --bundle app.jar.sigstore.json \\",
                "      --certificate-identity https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1 \\",
                "      --certificate-oidc-issuer https://token.actions.githubusercontent.com",
                "  provgate verify --artifact pkg.tgz --bundle attestations.json --npm-package pkg@1.0.0 "
                        + "--repository o/r",
                "  provgate verify --artifact lib.pom --bundle lib.pom.asc --pgp-keyring keys.asc",
                "  provgate verify --artifact blob --bundle blob.sigstore.json --key cosign.pub"})
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--artifact", required = true, paramLabel = "FILE", description = "The artifact file.")
    Path artifact;

    @Option(names = "--bundle", required = true, paramLabel = "FILE",
            description = "Sigstore bundle, npm attestations, PEP 740 attestation/provenance, or .asc signature.")
    Path bundle;

    @ArgGroup(exclusive = true)
    Identity identity;

    static final class Identity {
        @ArgGroup(exclusive = false)
        Exact exact;

        @Option(names = "--repository", paramLabel = "OWNER/REPO",
                description = "Accept any GitHub Actions workflow of this repository (certificate source repository).")
        String repository;
    }

    static final class Exact {
        @Option(names = "--certificate-identity", required = true, paramLabel = "SAN",
                description = "Exact certificate identity (workflow URI or e-mail).")
        String subject;

        @Option(names = "--certificate-oidc-issuer", required = true, paramLabel = "URL",
                description = "Exact OIDC issuer.")
        String issuer;
    }

    @Option(names = "--npm-package", paramLabel = "NAME@VERSION",
            description = "The package an npm attestations response is about.")
    String npmPackage;

    @Option(names = "--key", paramLabel = "FILE",
            description = "PEM public key of a managed key that signed the Sigstore bundle (no certificate).")
    Path key;

    @Mixin
    TrustOptions trust;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        requireFile(artifact, "artifact");
        requireFile(bundle, "bundle");
        List<ProvenanceResult> results = new ArtifactVerifier(trust.root(), trust.npmKeys(), Clock.systemUTC())
                .verify(new ArtifactVerifier.Request(artifact, bundle, policy(), npmPackage(), trust.keyrings(), key));
        PrintWriter out = spec.commandLine().getOut();
        boolean allVerified = !results.isEmpty();
        for (ProvenanceResult r : results) {
            out.println(describe(r));
            allVerified &= r.outcome() == ProvenanceResult.Outcome.VERIFIED;
        }
        out.flush();
        return allVerified ? ExitCodes.PASSED : ExitCodes.BLOCKED;
    }

    private IdentityPolicy policy() {
        if (identity == null) {
            return IdentityPolicy.anyIdentity();
        }
        if (identity.repository != null) {
            if (!identity.repository.matches("[^/\\s]+/[^/\\s]+")) {
                throw new ProvgateException("--repository must be OWNER/REPO, got '" + identity.repository + "'");
            }
            return IdentityPolicy.githubRepository(identity.repository);
        }
        return IdentityPolicy.exact(identity.exact.issuer, identity.exact.subject);
    }

    private NpmPackage npmPackage() {
        if (npmPackage == null) {
            return null;
        }
        int at = npmPackage.lastIndexOf('@');
        if (at <= 0 || at == npmPackage.length() - 1) {
            throw new ProvgateException("--npm-package must be NAME@VERSION, got '" + npmPackage + "'");
        }
        return new NpmPackage(npmPackage.substring(0, at), npmPackage.substring(at + 1));
    }

    private static void requireFile(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new ProvgateException(p.toString(), 0, what + " file not found");
        }
    }

    static String describe(ProvenanceResult r) {
        String head = r.mechanism() + ": ";
        return switch (r.outcome()) {
            case VERIFIED -> head + "verified" + signer(r.identity())
                    + (r.logIndex() >= 0 ? ", log index " + r.logIndex() : "")
                    + (r.signedAt() != null ? ", signed " + r.signedAt() : "");
            case FAILED -> head + "FAILED: " + r.reason();
            case MISMATCH -> head + "MISMATCH (valid signature, unexpected signer): " + r.reason();
            case UNSUPPORTED -> head + "UNSUPPORTED (not checked, not a sign of tampering): " + r.reason();
            case UNVERIFIED -> head + "UNVERIFIED: " + r.reason();
        };
    }

    private static String signer(SignerIdentity id) {
        if (id == null) {
            return "";
        }
        if (!id.keyFingerprint().isEmpty()) {
            return " by key " + id.keyFingerprint();
        }
        String repo = id.repository().isEmpty() ? "" : ", repository " + id.repository();
        return " by " + id.subject() + " (issuer " + id.issuer() + repo + ")";
    }
}
