// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.List;

/**
 * One lockfile as the check saw it.
 *
 * @param path       the lockfile as shown to the user
 * @param format     the parser's stable name, e.g. {@code npm/package-lock}
 * @param ecosystem  the lockfile's ecosystem
 * @param checked    the packages that were checked, one per distinct package and source, in file order
 * @param skippedDev how many dev-scope entries were left out ({@code --ignore-dev})
 */
public record CheckedLockfile(String path, String format, Ecosystem ecosystem, List<Component> checked,
                              int skippedDev) {
    public CheckedLockfile {
        checked = List.copyOf(checked);
    }
}
