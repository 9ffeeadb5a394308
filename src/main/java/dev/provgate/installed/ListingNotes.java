// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a root's listing could not look at, one finding each: unreadable folders, symbolic links that lead out of
 * the root (never followed),
 * files not compared with the known-bad digests (too large, unreadable).
 */
final class ListingNotes {
    private ListingNotes() {
    }

    static void add(TreeListing listing, Map<String, HashedFiles.Outcome> hashed, Located at,
                    List<Finding> findings) {
        List<String> unreadable = new ArrayList<>();
        listing.unreadable().forEach((rel, why) -> unreadable.add(rel + " (" + why + ")"));
        note(unreadable, "could not be listed", at, findings);
        List<String> links = new ArrayList<>();
        listing.links().forEach((rel, target) -> {
            if (leavesRoot(rel, target) && (rel.contains("/") || !rel.endsWith(".pth"))) {
                links.add(rel + " -> " + target);
            }
        });
        note(links, "symbolic links out of the root, not followed", at, findings);
        List<String> unhashed = new ArrayList<>();
        hashed.forEach((rel, o) -> {
            if (!o.hashed()) {
                unhashed.add(rel + " (" + o.problem() + ")");
            }
        });
        note(unhashed, "not compared with the known-bad file digests", at, findings);
    }

    /**
     * Whether a link points outside the root (absolute, or climbing above it). One that stays inside (npm's .bin,
     * pnpm's top level) needs no note: what it points to is read where it lies.
     */
    static boolean leavesRoot(String rel, String target) {
        if (target.isEmpty() || Path.of(target).isAbsolute()) {
            return true;
        }
        Path parent = Path.of(rel).getParent();
        String resolved = (parent == null ? Path.of(target) : parent.resolve(target)).normalize().toString();
        return resolved.equals("..") || resolved.startsWith(".." + java.io.File.separator);
    }

    private static void note(List<String> items, String what, Located at, List<Finding> findings) {
        if (items.isEmpty()) {
            return;
        }
        String first = items.get(0).split(" ")[0];
        findings.add(HuntRules.finding(HuntRules.UNVERIFIED, Severity.INFO, HuntRules.unowned(first,
                at.file(first, 0)), at.file(first, 0), items.size() + " " + (items.size() == 1 ? "entry" : "entries")
                + " under " + at.display() + ": " + what + ": " + TextFiles.some(items), ""));
    }
}
