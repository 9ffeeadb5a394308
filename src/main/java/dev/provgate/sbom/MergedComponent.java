// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Location;
import dev.provgate.model.Scope;
import java.util.List;
import java.util.SortedMap;

/**
 * Every occurrence of one purl across the inventory, folded into one SBOM component.
 *
 * @param first         the first occurrence (lockfiles by path, then file order): name, version, source
 * @param scope         the strongest scope of all occurrences (runtime, then peer, optional, dev)
 * @param direct        any occurrence is direct
 * @param installScript RUNS when any occurrence runs one, else NONE when any records none
 * @param locations     every lockfile line, sorted
 * @param hashes        every digest, sorted, without repeats
 * @param attributes    all attributes; the first occurrence wins a conflict
 */
record MergedComponent(Component first, Scope scope, boolean direct, InstallScript installScript,
                       List<Location> locations, List<Hash> hashes, SortedMap<String, String> attributes) {
    String purl() {
        return first.purl();
    }
}
