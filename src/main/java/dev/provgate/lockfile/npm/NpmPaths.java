// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

/** File-name checks shared by the npm-ecosystem parsers. */
final class NpmPaths {
    private NpmPaths() {
    }

    /**
     * True when the path names {@code fileName} outside node_modules: lockfiles inside node_modules belong to
     * installed packages, not to the project.
     */
    static boolean isProjectLockfile(String relativePath, String fileName) {
        int slash = relativePath.lastIndexOf('/');
        return relativePath.substring(slash + 1).equals(fileName)
                && !("/" + relativePath).contains("/node_modules/");
    }
}
