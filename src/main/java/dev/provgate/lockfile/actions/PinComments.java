// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import dev.provgate.model.Component;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.Purls;
import dev.provgate.model.RefKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cross-checks the {@code # vX.Y.Z} comments beside commit SHAs across every file of an inventory: one version
 * claimed for two commits of the same repository, or one commit claimed as two versions, means at least one comment
 * is wrong (a bump that changed the SHA but not the comment, or a SHA pasted from elsewhere). Each such reference gets
 * the {@link RefKind#PIN_CONFLICT} attribute, saying what it disagrees with (the first such place, by file and
 * line); the {@code pinning} rule reports it. Linear in the number of references: each is looked up in two indexes.
 */
public final class PinComments {
    /** The first place (by location) each value is seen at, per key: version to commits, commit to versions. */
    private final Map<String, TreeMap<String, Component>> commitsByVersion = new HashMap<>();
    private final Map<String, TreeMap<String, Component>> versionsByCommit = new HashMap<>();

    private PinComments(List<Component> pinned) {
        for (Component c : pinned) {
            first(commitsByVersion.computeIfAbsent(repository(c) + "@" + comment(c), k -> new TreeMap<>()),
                    commit(c), c);
            first(versionsByCommit.computeIfAbsent(repository(c) + "@" + commit(c), k -> new TreeMap<>()),
                    comment(c), c);
        }
    }

    /** The inventory with the disagreeing references marked; the same inventory when nothing disagrees. */
    public static Inventory crossCheck(Inventory inventory) {
        List<Component> pinned = inventory.components().filter(PinComments::commented).toList();
        if (pinned.size() < 2) {
            return inventory;
        }
        PinComments index = new PinComments(pinned);
        if (index.commitsByVersion.values().stream().allMatch(m -> m.size() == 1)
                && index.versionsByCommit.values().stream().allMatch(m -> m.size() == 1)) {
            return inventory;
        }
        List<LockfileInventory> out = new ArrayList<>();
        for (LockfileInventory l : inventory.lockfiles()) {
            List<Component> components = l.components().stream()
                    .map(c -> index.conflict(c)
                            .map(why -> c.toBuilder().attribute(RefKind.PIN_CONFLICT, why).build()).orElse(c))
                    .toList();
            out.add(new LockfileInventory(l.path(), l.format(), l.ecosystem(), components, l.dependencies()));
        }
        return new Inventory(out);
    }

    private static void first(TreeMap<String, Component> seen, String key, Component c) {
        seen.merge(key, c, (a, b) -> a.location().compareTo(b.location()) <= 0 ? a : b);
    }

    private static boolean commented(Component c) {
        return RefKind.of(c).filter(k -> k == RefKind.SHA).isPresent()
                && !c.attributes().getOrDefault(RefKind.VERSION_COMMENT, "").isEmpty();
    }

    /** The first other reference to the same repository that disagrees, described; empty when all agree. */
    private Optional<String> conflict(Component c) {
        if (!commented(c)) {
            return Optional.empty();
        }
        Component firstOther = null;
        String what = "";
        for (Component other : commitsByVersion.get(repository(c) + "@" + comment(c)).values()) {
            if (!commit(other).equals(commit(c)) && (firstOther == null
                    || other.location().compareTo(firstOther.location()) < 0)) {
                firstOther = other;
                what = " pins " + other.attributes().get(RefKind.VERSION_COMMENT) + " to " + other.version();
            }
        }
        for (Component other : versionsByCommit.get(repository(c) + "@" + commit(c)).values()) {
            if (!comment(other).equals(comment(c)) && (firstOther == null
                    || other.location().compareTo(firstOther.location()) < 0)) {
                firstOther = other;
                what = " comments the same commit as " + other.attributes().get(RefKind.VERSION_COMMENT);
            }
        }
        return firstOther == null ? Optional.empty() : Optional.of("the comment says "
                + c.attributes().get(RefKind.VERSION_COMMENT) + " but " + firstOther.location() + what);
    }

    /** The comment's version without a leading v, so {@code # v4.2.1} and {@code # 4.2.1} agree. */
    private static String comment(Component c) {
        String v = c.attributes().getOrDefault(RefKind.VERSION_COMMENT, "");
        return v.startsWith("v") || v.startsWith("V") ? v.substring(1) : v;
    }

    private static String commit(Component c) {
        return c.version().toLowerCase(Locale.ROOT);
    }

    private static String repository(Component c) {
        return Purls.githubRepository(c.name()).toLowerCase(Locale.ROOT);
    }
}
