// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Ecosystem;

/** What the Python parsers share: the ecosystem, and a file-name check for formats with one fixed name. */
interface PythonLockfileParser extends LockfileParser {
    @Override
    default Ecosystem ecosystem() {
        return Ecosystem.PYPI;
    }

    /** True when the path's last segment is exactly {@code fileName}. */
    static boolean hasFileName(String relativePath, String fileName) {
        return relativePath.equals(fileName) || relativePath.endsWith("/" + fileName);
    }
}
