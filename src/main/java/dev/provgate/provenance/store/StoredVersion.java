// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.Ecosystem;
import java.util.List;

/**
 * One version folder of the store and the files in it, sorted.
 *
 * @param ecosystem npm, PyPI or Maven
 * @param name      the package name as the store spells it (npm {@code @scope/name}, Maven {@code group:artifact})
 * @param version   the version
 * @param files     the file names in the folder
 */
public record StoredVersion(Ecosystem ecosystem, String name, String version, List<String> files) {
    public StoredVersion {
        files = files.stream().sorted().toList();
    }
}
