// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileSource;

/** Building components from lockfile entries, with the entry's line on failure. */
final class NpmComponents {
    private NpmComponents() {
    }

    /** Builds the component; a name no package URL can hold (empty, say) is an input error at the entry's line. */
    static Component build(Component.Builder builder, LockfileSource source, int line) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, line, "not a valid package: " + e.getMessage());
        }
    }
}
