// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import dev.provgate.model.Component;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.Purls;
import dev.provgate.model.RefKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cross-checks the {@code # vX.Y.Z} comments beside commit SHAs across every file of an inventory: one version
 * claimed for two commits of the same repository, or one commit claimed as two versions, means at least one comment
 * is wrong (a bump that changed the SHA but not the comment, or a SHA pasted from elsewhere). Each such reference gets
 * the {@value #ATTRIBUTE} attribute, saying what it disagrees with; the {@code pinning} rule reports it.
 */
public final class PinComments {
    /** Read by the policy's pinning rule (which cannot depend on this package, so it spells the key itself). */
    public static final String ATTRIBUTE = "ci:pin-conflict";

    private PinComments() {
    }

    /** The inventory with the disagreeing references marked; the same inventory when nothing disagrees. */
    public static Inventory crossCheck(Inventory inventory) {
        List<Component> pinned = inventory.components().filter(PinComments::commented).toList();
        if (pinned.size() < 2) {
            return inventory;
        }
        List<LockfileInventory> out = new ArrayList<>();
        for (LockfileInventory l : inventory.lockfiles()) {
            List<Component> components = l.components().stream()
                    .map(c -> conflict(c, pinned).map(why -> c.toBuilder().attribute(ATTRIBUTE, why).build())
                            .orElse(c))
                    .toList();
            out.add(new LockfileInventory(l.path(), l.format(), l.ecosystem(), components, l.dependencies()));
        }
        return new Inventory(out);
    }

    private static boolean commented(Component c) {
        return RefKind.of(c).filter(k -> k == RefKind.SHA).isPresent()
                && !c.attributes().getOrDefault(RefKind.VERSION_COMMENT, "").isEmpty();
    }

    /** The first other reference to the same repository that disagrees, described; empty when all agree. */
    private static Optional<String> conflict(Component c, List<Component> pinned) {
        if (!commented(c)) {
            return Optional.empty();
        }
        String version = comment(c);
        String shown = c.attributes().get(RefKind.VERSION_COMMENT);
        Map<String, String> disagreements = new TreeMap<>();
        for (Component other : pinned) {
            if (!repository(other).equals(repository(c))) {
                continue;
            }
            boolean sameCommit = other.version().equalsIgnoreCase(c.version());
            boolean sameVersion = comment(other).equals(version);
            if (sameVersion && !sameCommit) {
                disagreements.put(other.location().toString(), other.location() + " pins "
                        + other.attributes().get(RefKind.VERSION_COMMENT) + " to " + other.version());
            } else if (sameCommit && !sameVersion) {
                disagreements.put(other.location().toString(), other.location() + " comments the same commit as "
                        + other.attributes().get(RefKind.VERSION_COMMENT));
            }
        }
        return disagreements.values().stream().findFirst()
                .map(first -> "the comment says " + shown + " but " + first);
    }

    /** The comment's version without a leading v, so {@code # v4.2.1} and {@code # 4.2.1} agree. */
    private static String comment(Component c) {
        String v = c.attributes().getOrDefault(RefKind.VERSION_COMMENT, "");
        return v.startsWith("v") || v.startsWith("V") ? v.substring(1) : v;
    }

    private static String repository(Component c) {
        return Purls.githubRepository(c.name()).toLowerCase(Locale.ROOT);
    }
}
