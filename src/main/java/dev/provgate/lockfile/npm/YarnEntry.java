// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.model.Component;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One yarn.lock entry of either dialect, before the dependency graph is known.
 *
 * @param line         the line of the entry's key
 * @param descriptors  the {@code name@range} descriptors the key lists
 * @param component    the package, without direct and scope yet; null for a workspace
 * @param dependencies dependency name to range, as the entry lists them
 * @param optional     the dependency names the entry marks optional
 */
record YarnEntry(int line, List<String> descriptors, Component.Builder component, Map<String, String> dependencies,
                 Set<String> optional) {

    boolean workspace() {
        return component == null;
    }

    /** The name part of a {@code name@range} descriptor ({@code @scope/name} included). */
    static String nameOf(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at < 0 ? descriptor : descriptor.substring(0, at);
    }

    /** The range part of a {@code name@range} descriptor, or empty. */
    static String rangeOf(String descriptor) {
        int at = descriptor.indexOf('@', 1);
        return at < 0 ? "" : descriptor.substring(at + 1);
    }
}
