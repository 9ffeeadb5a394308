// SPDX-License-Identifier: Apache-2.0
package dev.provgate.diff;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.Purls;
import dev.provgate.model.Source;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One lockfile's entries by package and version: npm may lock one version in several places, and each place may
 * carry its own digest and source, so the version's entry is the union of them.
 */
final class LockedEntries {
    /** One version of one package: the first entry (for its line) and what all its entries lock. */
    record Entry(Component first, Set<String> purls, Set<Hash> digests, Set<Source> sources) {
        Set<HashAlgorithm> algorithms() {
            return digests.stream().map(Hash::algorithm).collect(Collectors.toSet());
        }
    }

    private final Map<String, Map<String, Entry>> byPackage = new TreeMap<>();

    LockedEntries(Collection<Component> components) {
        for (Component c : components) {
            Entry e = byPackage.computeIfAbsent(packageKey(c), k -> new TreeMap<>()).computeIfAbsent(c.version(),
                    v -> new Entry(c, new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>()));
            e.purls().add(c.purl());
            // the file name is where the lockfile put a digest, not what was downloaded: compare the digest alone
            c.hashes().forEach(h -> e.digests().add(new Hash(h.algorithm(), h.hex())));
            e.sources().add(c.source());
        }
    }

    Set<String> packages() {
        return byPackage.keySet();
    }

    /** The versions of a package, by version string; empty when this side does not lock it. */
    Map<String, Entry> versions(String packageKey) {
        return byPackage.getOrDefault(packageKey, Map.of());
    }

    /** Ecosystem and name (PyPI names normalised): what stays the same when a version moves. */
    static String packageKey(Component c) {
        String name = c.ecosystem() == Ecosystem.PYPI ? Purls.normalizePypiName(c.name()) : c.name();
        return c.ecosystem().name() + " " + name;
    }

}
