// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Files whose SHA-256 is a known-bad digest, whatever their name, as generic components that carry the digest: the
 * advisory stage matches them by digest exactly as it matches a locked file, and names the incident.
 */
final class KnownBadFiles {
    private KnownBadFiles() {
    }

    static List<Component> of(Map<String, HashedFiles.Outcome> hashed, HuntSettings settings, Located at,
                              Function<String, Optional<Component>> ownerOf) {
        List<Component> out = new ArrayList<>();
        hashed.forEach((rel, outcome) -> {
            if (outcome.hashed() && settings.knownBadSha256().test(outcome.digests().sha256())) {
                Component.Builder b = Component.builder(Ecosystem.OTHER, at.path(rel), "").direct(true)
                        .location(at.file(rel, 0)).hash(new Hash(HashAlgorithm.SHA256, outcome.digests().sha256()));
                ownerOf.apply(rel).ifPresent(o -> b.attribute("installed:package", o.purl()));
                out.add(b.build());
            }
        });
        return out;
    }
}
