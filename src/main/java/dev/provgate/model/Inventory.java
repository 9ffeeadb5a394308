// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.List;
import java.util.stream.Stream;

/** Everything locked under the scanned paths: one entry per lockfile, sorted by path. */
public record Inventory(List<LockfileInventory> lockfiles) {
    public Inventory {
        lockfiles = lockfiles.stream()
                .sorted(java.util.Comparator.comparing(LockfileInventory::path))
                .toList();
    }

    public Stream<Component> components() {
        return lockfiles.stream().flatMap(l -> l.components().stream());
    }

    public boolean isEmpty() {
        return lockfiles.isEmpty();
    }
}
