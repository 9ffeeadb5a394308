// SPDX-License-Identifier: Apache-2.0
package dev.provgate.store;

import java.util.List;

/**
 * A lockfile blob parsed once, by object id and the format it was read as.
 *
 * @param error why it could not be parsed, or null; a blob that failed holds no packages
 */
public record ParsedBlob(String oid, String format, String error, List<StoredPackage> packages) {
    public ParsedBlob {
        packages = List.copyOf(packages);
    }
}
