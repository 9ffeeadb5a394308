// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.HashAlgorithm;
import java.util.Optional;
import java.util.Set;

/** The {@code provgate:} property names the writer emits and the readers understand (see docs/sbom.md). */
final class SbomProperties {
    static final String PREFIX = "provgate:";
    static final String SCOPE = PREFIX + "scope";
    static final String DIRECT = PREFIX + "direct";
    static final String SOURCE_KIND = PREFIX + "source-kind";
    static final String SOURCE_URL = PREFIX + "source-url";
    static final String REGISTRY = PREFIX + "registry";
    static final String LOCKFILE = PREFIX + "lockfile";
    static final String INSTALL_SCRIPT = PREFIX + "install-script";
    static final String FILE_PREFIX = PREFIX + "file:";
    static final String EXTRA_HASH_PREFIX = PREFIX + "hash:";

    private static final Set<String> RESERVED =
            Set.of(SCOPE, DIRECT, SOURCE_KIND, SOURCE_URL, REGISTRY, LOCKFILE, INSTALL_SCRIPT);

    private SbomProperties() {
    }

    /** {@code provgate:file:<file name>:<algorithm>}: the digest of one distribution file. */
    static String fileHash(String fileName, HashAlgorithm algorithm) {
        return FILE_PREFIX + fileName + ":" + algorithm.cyclonedxName();
    }

    /** {@code provgate:hash:<algorithm>}: a second package-wide digest of an algorithm already in the hashes. */
    static String extraHash(HashAlgorithm algorithm) {
        return EXTRA_HASH_PREFIX + algorithm.cyclonedxName();
    }

    /** A {@link dev.provgate.model.Component#attributes()} key ({@code npm:alias}) as a property name. */
    static String attribute(String key) {
        return PREFIX + key;
    }

    /** The attribute key a property name carries, when it is one of ours and not a reserved name. */
    static Optional<String> attributeKey(String propertyName) {
        if (!propertyName.startsWith(PREFIX) || RESERVED.contains(propertyName)
                || propertyName.startsWith(FILE_PREFIX) || propertyName.startsWith(EXTRA_HASH_PREFIX)) {
            return Optional.empty();
        }
        String key = propertyName.substring(PREFIX.length());
        return key.indexOf(':') > 0 ? Optional.of(key) : Optional.empty();
    }
}
