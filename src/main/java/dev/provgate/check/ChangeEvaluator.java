// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.diff.ChangeKind;
import dev.provgate.diff.LockfileDiff;
import dev.provgate.diff.PackageChange;
import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Finding;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules on what a change does to the lockfiles, against a baseline: a locked digest that changed while the
 * version did not, and (during an incident) any movement of a package in a frozen tier.
 */
public final class ChangeEvaluator implements Evaluator {
    public static final String DIGEST_CHANGED = "change/digest-changed";
    public static final String FROZEN = "change/frozen";

    public static final List<RuleDescription> RULES = List.of(
            new RuleDescription(DIGEST_CHANGED, "LockedDigestChanged", Severity.BLOCK,
                    "A package keeps its version but is locked with a digest the baseline did not lock.",
                    "A registry does not change the files of a published version: a new digest for the same "
                            + "version is a republished or tampered artifact, or a lockfile edited by hand. Find out "
                            + "where the new file comes from before accepting it; if it is legitimate (a new wheel "
                            + "for another platform), record an exception with a reason, an owner and an expiry."),
            new RuleDescription(FROZEN, "FrozenTierMoved", Severity.BLOCK,
                    "A package in a tier frozen with --freeze was added, upgraded, downgraded or re-hashed.",
                    "Dependencies in this tier are frozen (an incident is under way): revert the change to the "
                            + "lockfile, or wait until the freeze is lifted."));

    /** {@code check --freeze}: the tiers whose packages must not move, and the incident to name. */
    public record Freeze(Set<String> tiers, String reason) {
        public Freeze {
            tiers = Set.copyOf(tiers);
            reason = reason == null ? "" : reason;
        }

        public static Freeze none() {
            return new Freeze(Set.of(), "");
        }
    }

    private final String baseRev;
    private final Map<String, List<PackageChange>> byEntry = new HashMap<>();
    private final Freeze freeze;
    private final Function<Component, String> tierOf;

    public ChangeEvaluator(String baseRev, List<LockfileDiff> diffs, Freeze freeze,
                           Function<Component, String> tierOf) {
        this.baseRev = baseRev;
        this.freeze = freeze;
        this.tierOf = tierOf;
        diffs.forEach(d -> d.changes().stream().filter(c -> c.after() != null)
                .forEach(c -> byEntry.computeIfAbsent(key(c.after()), k -> new ArrayList<>()).add(c)));
    }

    @Override
    public List<RuleDescription> rules() {
        return RULES;
    }

    @Override
    public List<Finding> evaluate(ComponentEvidence evidence) {
        Component c = evidence.component();
        List<Finding> out = new ArrayList<>();
        for (PackageChange change : byEntry.getOrDefault(key(c), List.of())) {
            if (change.kind() == ChangeKind.DIGEST_CHANGED) {
                out.add(finding(DIGEST_CHANGED, c, c.coordinates() + " is locked with a digest that " + baseRev
                        + " did not lock for this version (" + change.detail() + "): a republished or tampered "
                        + "artifact", ""));
            }
            frozenTier(change).ifPresent(tier -> out.add(finding(FROZEN, c, "tier " + tier + " is frozen"
                    + (freeze.reason().isEmpty() ? "" : " (" + freeze.reason() + ")") + ": " + change.summary()
                    + " " + change.kind().label() + " since " + baseRev, tier)));
        }
        return out;
    }

    private Optional<String> frozenTier(PackageChange change) {
        if (!change.kind().movesWhatIsLocked() || freeze.tiers().isEmpty()) {
            return Optional.empty();
        }
        return Stream.of(change.after(), change.before()).filter(Objects::nonNull)
                .map(tierOf).filter(freeze.tiers()::contains).findFirst();
    }

    private static Finding finding(String rule, Component c, String message, String tier) {
        return new Finding(rule, Severity.BLOCK, c, message, "", List.of(), tier, null, List.of());
    }

    private static String key(Component c) {
        return c.location().file() + "\n" + c.purl();
    }
}
