// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileSource;
import java.util.List;

/**
 * The references in a list of steps (a workflow job's or a composite action's): each step's {@code uses:}, at the
 * line it is written on, or at the alias's line when the step or the list comes through a YAML alias.
 */
final class StepReferences {
    private StepReferences() {
    }

    /**
     * Adds the component each step's {@code uses:} names.
     *
     * @param aliasLine the line of the alias the steps were reached through, or 0
     */
    static void collect(LockfileSource source, CiYaml.Node steps, int aliasLine, List<Component> out) {
        int site = siteLine(steps, aliasLine);
        if (!(CiYaml.resolve(steps) instanceof CiYaml.Sequence list)) {
            throw new LockfileParseException(source, steps.line(), "'steps' must be a list");
        }
        for (CiYaml.Node item : list.items()) {
            int stepSite = siteLine(item, site);
            if (!(CiYaml.resolve(item) instanceof CiYaml.Mapping step)) {
                throw new LockfileParseException(source, item.line(), "a step must be a mapping");
            }
            step.entry("uses").ifPresent(e -> reference(source, e, stepSite, "step").ifPresent(out::add));
        }
    }

    /** The component a {@code uses:} entry names (empty for a local action), at its line or the alias's. */
    static java.util.Optional<Component> reference(LockfileSource source, CiYaml.Entry uses, int aliasLine,
                                                   String usage) {
        int line = aliasLine > 0 ? aliasLine : uses.value() instanceof CiYaml.Alias a ? a.line() : uses.line();
        if (!(CiYaml.resolve(uses.value()) instanceof CiYaml.Scalar value)) {
            throw new LockfileParseException(source, line, "'uses' must be text, OWNER/REPO@REF");
        }
        return UsesReference.component(source, value, line, usage);
    }

    /** The line a node is reached at: its alias's line if it is one, else the enclosing alias's line (or 0). */
    static int siteLine(CiYaml.Node node, int enclosing) {
        return enclosing > 0 ? enclosing : node instanceof CiYaml.Alias a ? a.line() : 0;
    }
}
