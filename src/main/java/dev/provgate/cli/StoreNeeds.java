// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Inventory;
import dev.provgate.policy.Policy;
import dev.provgate.policy.ProvenanceLevel;
import dev.provgate.policy.ProvenanceRequirement;
import dev.provgate.policy.ReleaseAgeRequirement;
import dev.provgate.policy.Requirement;
import dev.provgate.provenance.store.AttestationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What of a policy reads the attestation store, and the one-line notices when that store is missing or stripped. */
final class StoreNeeds {
    static final String FETCH = "provgate attestations fetch";

    private StoreNeeds() {
    }

    /** The {@code requires:} keys that read the store (publish times, provenance), sorted; empty when none do. */
    static List<String> of(Policy policy) {
        return List.copyOf(new TreeSet<>(policy.tiers().stream().flatMap(t -> t.requirements().stream())
                .filter(StoreNeeds::readsStore).map(Requirement::key).toList()));
    }

    private static boolean readsStore(Requirement r) {
        return r instanceof ReleaseAgeRequirement
                || r instanceof ProvenanceRequirement p && p.level() != ProvenanceLevel.NONE;
    }

    /** The notice for a check whose policy needs a store that does not exist or holds nothing. */
    static Optional<String> missing(Policy policy, AttestationStore store) {
        List<String> needs = of(policy);
        if (needs.isEmpty() || holdsAnything(store.root())) {
            return Optional.empty();
        }
        return Optional.of("no attestation store at " + store.root() + ", and the policy's "
                + String.join(" and ", needs) + " need one: every package is unverified until you run '"
                + FETCH + "' (or pass --attestations DIR)");
    }

    /**
     * The notice for a store whose fetched npm packages carry no registry signature at all. The npm registry signs
     * every package, so that is nearly always a mirror that strips them, said once rather than once per package.
     * Stops at the first signed package, so a healthy store costs one file look-up, and no store costs one.
     */
    static Optional<String> unsignedNpm(Inventory inventory, AttestationStore store) {
        if (!Files.isDirectory(store.root())) {
            return Optional.empty();
        }
        int fetched = 0;
        for (Component c : inventory.components().filter(c -> c.ecosystem() == Ecosystem.NPM
                && c.pinnedToRegistryVersion()).toList()) {
            if (store.npmRegistrySignatures(c.name(), c.version()).isPresent()) {
                return Optional.empty();
            }
            if (store.notPublished(Ecosystem.NPM, c.name(), c.version())
                    .contains(AttestationStore.NPM_REGISTRY_SIGNATURES)) {
                fetched++;
            }
        }
        return fetched == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "0 of %,d npm packages "
                + "fetched into %s have registry signatures; the npm registry signs every package, so the registry "
                + "they were fetched from probably strips them (a mirror?): fetch again through one that passes "
                + "dist.signatures through", fetched, store.root()));
    }

    static String shown(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }

    private static boolean holdsAnything(Path root) {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true; // unreadable: the enrichers report what they cannot read
        }
    }
}
