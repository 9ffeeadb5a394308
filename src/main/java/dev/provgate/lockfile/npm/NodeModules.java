// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import java.util.Optional;
import java.util.function.Predicate;

/** npm install paths ({@code node_modules/a/node_modules/b}) and Node's lookup along them. */
final class NodeModules {
    private static final String NODE_MODULES = "node_modules/";

    private NodeModules() {
    }

    /** True for paths inside a node_modules folder: installed packages, not the project's own folders. */
    static boolean isInstalled(String path) {
        return path.startsWith(NODE_MODULES) || path.contains("/" + NODE_MODULES);
    }

    /** The package name a path installs: what follows the last {@code node_modules/}. */
    static String nameOf(String path) {
        int i = path.lastIndexOf(NODE_MODULES);
        return i < 0 ? path : path.substring(i + NODE_MODULES.length());
    }

    /** Number of node_modules folders on the path: 1 for a top-level install. */
    static int depth(String path) {
        int depth = 0;
        for (int i = path.indexOf(NODE_MODULES); i >= 0; i = path.indexOf(NODE_MODULES, i + 1)) {
            depth++;
        }
        return depth;
    }

    /** The path of {@code dependency} as required from the package at {@code from}: nearest node_modules upwards. */
    static Optional<String> resolve(String from, String dependency, Predicate<String> installed) {
        String dir = from;
        while (true) {
            if (!dir.equals("node_modules") && !dir.endsWith("/node_modules")) {
                String candidate = dir.isEmpty() ? NODE_MODULES + dependency : dir + "/" + NODE_MODULES + dependency;
                if (installed.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
    }
}
