// SPDX-License-Identifier: Apache-2.0
package dev.provgate.diff;

import dev.provgate.model.Component;
import java.util.List;

/**
 * Lockfiles compared with a base.
 *
 * @param base      what the base is called in messages: a git revision, or a lockfile
 * @param baseComponents every package the base locked in those lockfiles
 * @param lockfiles one diff per compared lockfile, in the head's order
 */
public record Comparison(String base, List<Component> baseComponents, List<LockfileDiff> lockfiles) {
    public Comparison {
        baseComponents = List.copyOf(baseComponents);
        lockfiles = List.copyOf(lockfiles);
    }
}
