// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import com.google.gson.JsonObject;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.SignerIdentity;
import dev.provgate.provenance.VerificationResult.Outcome;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.bundle.BundleParseException;
import dev.sigstore.encryption.certificates.Certificates;
import dev.sigstore.rekor.client.RekorEntry;
import java.io.StringReader;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies one Sigstore bundle against an artifact digest, offline: sigstore-java 2.0.0's KeylessVerifier for what
 * it reads, the hand-assembled DSSE path for what it refuses, and the checks 2.0.0 misses (signing time inside the
 * certificate's validity, not in the future; trusted root validated). Build once, verify many times; {@code verify}
 * touches nothing but its arguments.
 */
public final class SigstoreVerifier {
    private final KeylessVerifier keyless;
    private final DsseBundleVerifier dsse;
    private final KeySignedMessageVerifier keyMessages;
    private final Clock clock;

    private SigstoreVerifier(KeylessVerifier keyless, TrustedRoot root, Clock clock) throws Exception {
        this.keyless = keyless;
        this.dsse = new DsseBundleVerifier(root.sigstoreRoot(), clock);
        this.keyMessages = new KeySignedMessageVerifier(root.sigstoreRoot(), clock);
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TrustedRoot trustedRoot;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder trustedRoot(TrustedRoot root) {
            this.trustedRoot = root;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public SigstoreVerifier build() {
            Objects.requireNonNull(trustedRoot, "trustedRoot");
            try {
                // a provider over the already-parsed root: never sigstorePublicDefaults(), which goes to the network
                KeylessVerifier keyless = KeylessVerifier.builder()
                        .trustedRootProvider(trustedRoot::sigstoreRoot).build();
                return new SigstoreVerifier(keyless, trustedRoot, clock);
            } catch (Exception e) {
                throw new IllegalStateException("trusted root " + trustedRoot.origin() + " is unusable: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Verifies that {@code bundle} signs {@code digest} and was signed by someone {@code policy} accepts. */
    public VerificationResult verify(ArtifactDigest digest, AttestationBundle bundle, IdentityPolicy policy) {
        return guarded(bundle, () -> check(digest, bundle, policy));
    }

    /** Verifies a bundle signed with a managed key the caller trusts (no certificate, so no identity policy). */
    public VerificationResult verify(ArtifactDigest digest, AttestationBundle bundle, PublicKey key) {
        return guarded(bundle, () -> checkWithKey(digest, bundle, key));
    }

    private interface Check {
        VerificationResult run() throws VerificationFailure;
    }

    private static VerificationResult guarded(AttestationBundle bundle, Check check) {
        try {
            return check.run();
        } catch (VerificationFailure f) {
            return new VerificationResult(f.outcome(), f.getMessage(), null, -1, null, bundle.sha256());
        } catch (RuntimeException e) {
            // sigstore-java throws unchecked exceptions on some bad bundles (an empty chain gives an index error)
            return VerificationResult.failed("bundle could not be verified: " + e, bundle.sha256());
        }
    }

    private VerificationResult check(ArtifactDigest digest, AttestationBundle bundle, IdentityPolicy policy)
            throws VerificationFailure {
        JsonObject json = bundle.json();
        BundleShape shape = BundleShape.of(json);
        if (shape.rekorV2DsseAsHashedRekord()) {
            throw VerificationFailure.unsupported("Rekor v2 entry for a DSSE envelope (hashedrekord 0.0.2): "
                    + "newer than this verifier can read");
        }
        if (shape.publicKey() && !shape.dsse()) {
            throw VerificationFailure.unverified("unknown signer: bundle is signed with a plain public key (hint '"
                    + JsonDocs.string(JsonDocs.object(JsonDocs.object(json, "verificationMaterial"), "publicKey"),
                    "hint") + "'), and no key was given for it");
        }
        if (shape.needsHandPath() || (shape.dsse() && digest.algorithm() != HashAlgorithm.SHA256)) {
            return checkHandPath(digest, bundle, policy, SigningKey.Resolver.NONE);
        }
        Optional<String> otherDigest = shape.dsse() ? Optional.empty() : BundleShape.otherMessageDigest(json);
        if (otherDigest.isPresent()) {
            throw VerificationFailure.unsupported("message digest " + otherDigest.get()
                    + " is not supported (SHA2_256 only)");
        }
        if (digest.algorithm() != HashAlgorithm.SHA256) {
            throw VerificationFailure.unsupported("message signatures are checked against a sha256 digest, got "
                    + digest.algorithm().cyclonedxName());
        }
        return checkKeyless(digest, bundle, policy);
    }

    private VerificationResult checkWithKey(ArtifactDigest digest, AttestationBundle bundle, PublicKey key)
            throws VerificationFailure {
        BundleShape shape = BundleShape.of(bundle.json());
        if (!shape.publicKey()) {
            throw VerificationFailure.failed("bundle is signed with a certificate, not a managed key");
        }
        SigningKey signingKey = new SigningKey(
                "SHA256:" + ArtifactDigest.of(HashAlgorithm.SHA256, key.getEncoded()).hex(), key);
        if (shape.dsse()) {
            return checkHandPath(digest, bundle, IdentityPolicy.anyIdentity(), (hint, at) -> signingKey);
        }
        RekorEntry entry = keyMessages.verify(bundle.json(), shape, digest, key);
        return new VerificationResult(Outcome.VERIFIED, "", new SignerIdentity("", "", "", "", "",
                signingKey.keyId()), entry.getLogIndex(), entry.getIntegratedTimeInstant(), bundle.sha256());
    }

    /** The DSSE path KeylessVerifier cannot take; the statement must name the digest as a subject. */
    VerificationResult checkHandPath(ArtifactDigest digest, AttestationBundle bundle, IdentityPolicy policy,
                                     SigningKey.Resolver keys) throws VerificationFailure {
        DsseBundleVerifier.Envelope envelope = dsse.verify(bundle.json(), keys);
        VerificationResult evidence = new VerificationResult(Outcome.VERIFIED, "", envelope.signer(),
                envelope.logIndex(), envelope.integratedTime(), bundle.sha256());
        if (!envelope.statement().anySubjectCovers(digest)) {
            return evidence.withFailure(Outcome.FAILED, "no in-toto subject has the artifact's digest " + digest);
        }
        return withIdentityCheck(evidence, policy);
    }

    private VerificationResult checkKeyless(ArtifactDigest digest, AttestationBundle bundle, IdentityPolicy policy)
            throws VerificationFailure {
        Bundle parsed;
        try {
            parsed = Bundle.from(new StringReader(bundle.text()));
        } catch (BundleParseException e) {
            throw VerificationFailure.failed("bundle could not be read: " + e.getMessage(), e);
        }
        X509Certificate leaf = Certificates.getLeaf(parsed.getCertPath());
        RekorEntry entry = parsed.getEntries().get(0);
        Instant integrated = entry.getIntegratedTime() > 0 ? entry.getIntegratedTimeInstant() : null;
        VerificationResult evidence = new VerificationResult(Outcome.VERIFIED, "", CertificateClaims.of(leaf),
                entry.getLogIndex(), integrated, bundle.sha256());
        try {
            // identity is checked below by IdentityPolicy, the same way for every path, with a reason on mismatch
            keyless.verify(digest.value(), parsed, VerificationOptions.empty());
        } catch (Exception e) {
            return evidence.withFailure(Outcome.FAILED, oneLine(e));
        }
        try {
            for (RekorEntry e : parsed.getEntries()) {
                if (e.getIntegratedTime() > 0) {
                    SigningTime.check(e.getIntegratedTimeInstant(), leaf, clock);
                }
            }
        } catch (VerificationFailure f) {
            return evidence.withFailure(Outcome.FAILED, f.getMessage());
        }
        return withIdentityCheck(evidence, policy);
    }

    private static VerificationResult withIdentityCheck(VerificationResult evidence, IdentityPolicy policy) {
        SignerIdentity signer = evidence.identity();
        return policy.mismatch(signer)
                .map(why -> evidence.withFailure(Outcome.MISMATCH, "identity mismatch: " + why))
                .orElse(evidence);
    }

    static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(": ").append(c.getMessage());
        }
        return sb.toString().replaceAll("\\s+", " ").trim();
    }
}
