// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

/** File-name checks shared by the npm-ecosystem parsers. */
final class NpmPaths {
    private NpmPaths() {
    }

    /** Lockfiles inside node_modules belong to installed packages, not to the project. */
    static boolean insideNodeModules(String relativePath) {
        return ("/" + relativePath).contains("/node_modules/");
    }

    static String fileName(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }
}
