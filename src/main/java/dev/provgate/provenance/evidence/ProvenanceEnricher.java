// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import java.util.function.Supplier;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Enricher;
import dev.provgate.model.Evidence;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.provenance.IdentityPolicy;
import dev.provgate.provenance.NpmAttestationVerifier;
import dev.provgate.provenance.NpmRegistryKeys;
import dev.provgate.provenance.NpmRegistrySignatureVerifier;
import dev.provgate.provenance.PgpKeyring;
import dev.provgate.provenance.PgpKeysMap;
import dev.provgate.provenance.PgpSignatureVerifier;
import dev.provgate.provenance.PypiAttestationVerifier;
import dev.provgate.provenance.SigstoreVerifier;
import dev.provgate.provenance.TrustedRoot;
import dev.provgate.provenance.store.AttestationStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The provenance evidence of {@code check}: verifies what the attestation store holds for each component, offline,
 * and answers for every component (verified, failed, unsupported, or unverified with the reason). Built once per
 * run; the verifiers keep no per-call state.
 */
public final class ProvenanceEnricher implements Enricher {
    /**
     * @param root            Sigstore trusted root, loaded on first use
     * @param npmKeys         npm registry keys, loaded on first use
     * @param pgpKeyrings     pinned OpenPGP keyrings (Maven {@code .asc})
     * @param localRepository local Maven repository, where PGP-signed artifact bytes are read
     * @param expected        the policy's expected signer per component
     * @param pinIdentities   record first-seen signers in the store (otherwise only compare)
     */
    public record Settings(Supplier<TrustedRoot> root, Supplier<NpmRegistryKeys> npmKeys, List<Path> pgpKeyrings,
                           Path localRepository,
                           ExpectedSigners expected, boolean pinIdentities) {
        public Settings {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(npmKeys, "npmKeys");
            pgpKeyrings = List.copyOf(pgpKeyrings);
            Objects.requireNonNull(localRepository, "localRepository");
            expected = expected == null ? ExpectedSigners.none() : expected;
        }
    }

    private final AttestationStore store;
    private final ExpectedSigners expected;
    private final SignerPins pins;
    private final NpmEvidence npm;
    private final PypiEvidence pypi;
    private final MavenEvidence maven;

    public ProvenanceEnricher(AttestationStore store, Settings settings, Clock clock) {
        this.store = store;
        this.expected = settings.expected();
        Supplier<PgpKeysMap> keysMap = Memo.of(() -> PgpKeysMap.load(store.root().resolve(KEYS_MAP)));
        this.pins = new SignerPins(store.identities(), settings.pinIdentities(), keysMap);
        // Trust material and verifiers are built on first use: a check whose store holds nothing for its packages
        // (the common pre-commit case) never pays for parsing the trusted root or loading the Sigstore stack.
        Supplier<TrustedRoot> root = Memo.of(settings.root());
        Supplier<NpmRegistryKeys> npmKeys = Memo.of(settings.npmKeys());
        Supplier<SigstoreVerifier> sigstore =
                Memo.of(() -> SigstoreVerifier.builder().trustedRoot(root.get()).clock(clock).build());
        this.npm = new NpmEvidence(store, Memo.of(() -> new NpmAttestationVerifier(root.get(), npmKeys.get(), clock)),
                Memo.of(() -> new NpmRegistrySignatureVerifier(npmKeys.get(), clock)));
        this.pypi = new PypiEvidence(store, Memo.of(() -> new PypiAttestationVerifier(sigstore.get())));
        this.maven = new MavenEvidence(store, sigstore,
                Memo.of(() -> new PgpSignatureVerifier(PgpKeyring.load(keyrings(store, settings.pgpKeyrings())))),
                settings.localRepository(), keysMap);
    }

    /** The store's own PGP material: keyrings ({@code keys/*.asc}) and the keys map, reviewed with the store. */
    public static final String KEYS_FOLDER = "keys";
    public static final String KEYS_MAP = KEYS_FOLDER + "/keysmap.list";

    /** The keyrings given on the command line and those committed in the store's {@code keys/} folder. */
    static List<Path> keyrings(AttestationStore store, List<Path> given) {
        List<Path> all = new ArrayList<>(given);
        Path dir = store.root().resolve(KEYS_FOLDER);
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var files = java.nio.file.Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".asc")).sorted().forEach(all::add);
            } catch (java.io.IOException e) {
                throw new dev.provgate.model.ProvgateException(dir.toString(), 0, "cannot list: " + e.getMessage(), e);
            }
        }
        return all;
    }

    @Override
    public List<Evidence> evidenceFor(Component c) {
        return results(c).stream().map(r -> (Evidence) pins.apply(c, r)).toList();
    }

    private List<ProvenanceResult> withRegistryDigests(Component c, List<ProvenanceResult> results) {
        Optional<ProvenanceResult> mismatch = store.registryDigests(c).flatMap(d -> RegistryDigestCheck.compare(c, d));
        if (mismatch.isEmpty()) {
            return results;
        }
        List<ProvenanceResult> out = new ArrayList<>(results);
        out.add(mismatch.get());
        return out;
    }

    private List<ProvenanceResult> results(Component c) {
        String mechanism = switch (c.ecosystem()) {
            case NPM -> Mechanisms.NPM_PROVENANCE;
            case PYPI -> Mechanisms.PYPI_ATTESTATION;
            case MAVEN -> Mechanisms.MAVEN_SIGSTORE;
            case GITHUB_ACTIONS, OTHER -> "provenance";
        };
        if (!c.pinnedToRegistryVersion()) {
            return List.of(ProvenanceResult.unverified(mechanism, "not a registry package version ("
                    + c.source().kind().label() + "): no registry provenance to verify"));
        }
        Optional<IdentityPolicy> signer = expected.of(c);
        List<ProvenanceResult> results = switch (c.ecosystem()) {
            case NPM -> npm.check(c, signer); // compares the registry's digests itself, also those signatures sign
            case PYPI, MAVEN -> withRegistryDigests(c, c.ecosystem() == Ecosystem.PYPI ? pypi.check(c, signer)
                    : maven.check(c, signer));
            case GITHUB_ACTIONS, OTHER -> List.of(ProvenanceResult.unverified(mechanism,
                    "no provenance verification for " + c.purl()));
        };
        // the policy's identity wins; without one, the repository the version declares is the signer
        if (signer.isPresent() || c.ecosystem() == Ecosystem.OTHER || c.ecosystem() == Ecosystem.GITHUB_ACTIONS) {
            return results;
        }
        return store.declaredRepository(c)
                .map(d -> results.stream().map(r -> DeclaredRepositoryCheck.apply(c, r, d)).toList())
                .orElse(results);
    }
}
