// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.LockfileInventory;
import java.util.List;

/**
 * What one root held.
 *
 * @param display      the root as reports show it
 * @param format       {@code python/site-packages}, {@code npm/node_modules} or {@code files}
 * @param ecosystem    the ecosystem of what is installed there
 * @param components   installed packages, then files whose digest is known-bad (generic components with the digest)
 * @param dependencies npm nesting: a package inside another's node_modules
 * @param findings     what the files say about themselves (see {@link HuntRules})
 * @param files        regular files listed
 * @param hashed       files hashed
 */
public record RootResult(String display, String format, Ecosystem ecosystem, List<Component> components,
                         List<Dependency> dependencies, List<Finding> findings, int files, int hashed) {
    public RootResult {
        components = List.copyOf(components);
        dependencies = List.copyOf(dependencies);
        findings = List.copyOf(findings);
    }

    /** Installed packages (and distribution files) found; known-bad files are not counted. */
    public long packages() {
        return components.stream().filter(c -> c.ecosystem() != Ecosystem.OTHER).count();
    }

    /** The installed packages as an inventory, for the same advisory stage as lockfiles. */
    public LockfileInventory inventory() {
        return new LockfileInventory(display, format, ecosystem, components, dependencies);
    }
}
