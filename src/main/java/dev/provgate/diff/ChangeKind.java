// SPDX-License-Identifier: Apache-2.0
package dev.provgate.diff;

/** How a package differs between two versions of one lockfile. */
public enum ChangeKind {
    ADDED("added"),
    REMOVED("removed"),
    UPGRADED("upgraded"),
    DOWNGRADED("downgraded"),
    /** Same version, a locked digest the base did not have: a republished or tampered artifact. */
    DIGEST_CHANGED("digest changed"),
    /** Same version from another place (registry, URL, git, path). */
    SOURCE_CHANGED("source changed"),
    /** Same package, placed in another trust tier (the policy or the package changed). */
    TIER_CHANGED("tier changed");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The JSON spelling: {@code digest-changed}. */
    public String id() {
        return label.replace(' ', '-');
    }

    /** Whether the head side locks something the base did not (every kind but removal and a tier move). */
    public boolean movesWhatIsLocked() {
        return this != REMOVED && this != TIER_CHANGED;
    }
}
