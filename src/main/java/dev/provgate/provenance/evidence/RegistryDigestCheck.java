// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.provenance.store.RegistryDigests;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lockfile's digests against the registry's, with or without signatures or attestations: a locked digest that
 * differs from every digest the registry serves for that file (same algorithm) is evidence of tampering, a
 * {@code registry-digest} failure. Digests the registry does not give (another algorithm, another file) are not
 * compared.
 */
final class RegistryDigestCheck {
    private RegistryDigestCheck() {
    }

    static Optional<ProvenanceResult> compare(Component c, RegistryDigests registry) {
        String differences = c.hashes().stream()
                .map(h -> difference(h, registry))
                .flatMap(Optional::stream)
                .collect(Collectors.joining("; "));
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Mechanisms.digestMismatch(differences + " for " + c.coordinates() + " ("
                + registry.source() + (registry.url().isEmpty() ? "" : ", " + registry.url()) + ")"));
    }

    private static Optional<String> difference(Hash locked, RegistryDigests registry) {
        List<Hash> served = registry.digests().stream()
                .filter(r -> r.algorithm() == locked.algorithm())
                .filter(r -> locked.fileName().isEmpty() || r.fileName().isEmpty()
                        || r.fileName().equals(locked.fileName()))
                .toList();
        if (served.isEmpty() || served.stream().anyMatch(r -> r.hex().equals(locked.hex()))) {
            return Optional.empty();
        }
        String algorithm = locked.algorithm().name().toLowerCase(java.util.Locale.ROOT);
        String file = locked.fileName().isEmpty() ? "" : " of " + locked.fileName();
        return Optional.of("lockfile " + algorithm + file + " " + locked.hex() + ", registry " + algorithm + " "
                + served.stream().map(Hash::hex).distinct().collect(Collectors.joining(" or ")));
    }
}
