// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.Enricher;
import dev.provgate.provenance.NpmRegistryKeys;
import dev.provgate.provenance.PgpKeyring;
import dev.provgate.provenance.TrustedRoot;
import dev.provgate.provenance.evidence.ExpectedSigners;
import dev.provgate.provenance.evidence.ProvenanceEnricher;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.ReleaseEnricher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** What provenance verification trusts: the bundled Sigstore root and npm keys unless replaced, and PGP keyrings. */
public final class TrustOptions {
    @Option(names = "--trusted-root", paramLabel = "FILE",
            description = "Sigstore trusted_root.json to use instead of the bundled public-good root.")
    Path trustedRoot;

    @Option(names = "--npm-keys", paramLabel = "FILE",
            description = "npm registry keys.json to use instead of the bundled keys.")
    Path npmKeys;

    @Option(names = "--pgp-keyring", paramLabel = "FILE",
            description = "Pinned OpenPGP public keys, armored or binary; repeatable.")
    List<Path> keyrings = new ArrayList<>();

    TrustedRoot root() {
        return trustedRoot != null ? TrustedRoot.load(trustedRoot) : TrustedRoot.bundled();
    }

    NpmRegistryKeys npmKeys() {
        return npmKeys != null ? NpmRegistryKeys.load(npmKeys) : NpmRegistryKeys.bundled();
    }

    List<Path> keyrings() {
        return List.copyOf(keyrings);
    }

    /**
     * The store-backed enrichers: publish times for the release-age rule and verified provenance, checked against
     * the policy's expected signers. Offline: they only read the attestation store.
     */
    List<Enricher> storeEnrichers(AttestationStore store, Path localMavenRepository, ExpectedSigners expected,
                                  boolean pinIdentities) {
        // Bundled trust material loads on first use; files the user named are read now, so a broken one is an
        // input error even when the store holds nothing to verify.
        Supplier<TrustedRoot> root = trustedRoot == null ? TrustedRoot::bundled : constant(root());
        Supplier<NpmRegistryKeys> keys = npmKeys == null ? NpmRegistryKeys::bundled : constant(npmKeys());
        PgpKeyring.load(keyrings);
        ProvenanceEnricher.Settings settings = new ProvenanceEnricher.Settings(root, keys, keyrings(),
                localMavenRepository, expected, pinIdentities);
        return List.of(new ReleaseEnricher(store), new ProvenanceEnricher(store, settings, Clock.systemUTC()));
    }

    private static <T> Supplier<T> constant(T value) {
        return () -> value;
    }
}
