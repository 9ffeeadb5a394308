// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.RefKind;
import dev.provgate.model.ReleaseInfo;
import dev.provgate.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code min_release_age}: the locked version was published at least this long ago (a cooldown against fresh
 * malicious releases). Fast lane: an exact version listed in {@code approved:} passes at once.
 *
 * @param minimum the cooldown
 */
public record ReleaseAgeRequirement(Severity severity, Duration minimum) implements Requirement {
    @Override
    public RequirementKind kind() {
        return RequirementKind.RELEASE_AGE;
    }

    @Override
    public String describe() {
        return "published at least " + DurationSyntax.format(minimum) + " ago (approved versions pass at once)";
    }

    @Override
    public Outcome check(CheckContext ctx) {
        Optional<ApprovedVersion> fastLane = ctx.approval();
        if (fastLane.isPresent()) {
            return Outcome.pass(this, "fast lane: " + fastLane.get().describe());
        }
        List<ReleaseInfo> known = ctx.evidence().of(ReleaseInfo.class).stream()
                .filter(r -> r.publishedAt() != null).toList();
        if (known.isEmpty()) {
            String why = ctx.evidence().of(ReleaseInfo.class).stream().map(ReleaseInfo::origin)
                    .filter(o -> !o.isEmpty()).map(o -> ": " + o).findFirst().orElse(" (run with registry metadata)");
            if (RefKind.of(ctx.component()).isPresent()) {
                // A tag's date is rarely known offline; the cooldown applies where the attestation store has it.
                return new Outcome(ruleId(), Outcome.Status.UNVERIFIED, "no tag date for "
                        + ctx.component().coordinates() + why + "; CI references are held to the cooldown only "
                        + "where the date is known", Severity.INFO, List.of());
            }
            return Outcome.unverified(this, "no publish date for " + ctx.component().coordinates() + why);
        }
        ReleaseInfo info = known.get(0);
        Duration age = Duration.between(info.publishedAt(), ctx.now());
        String when = "published " + info.publishedAt() + " (" + DurationSyntax.age(age) + " ago)";
        Outcome o = age.compareTo(minimum) >= 0 ? Outcome.pass(this, when)
                : Outcome.fail(this, when + ", younger than the " + DurationSyntax.format(minimum) + " cooldown");
        return o.withEvidence(List.of(info));
    }

    @Override
    public String remediation(CheckContext ctx) {
        Instant ready = ctx.evidence().of(ReleaseInfo.class).stream().map(ReleaseInfo::publishedAt)
                .filter(java.util.Objects::nonNull).findFirst().map(p -> p.plus(minimum)).orElse(null);
        String approve = "approve the exact version in approved: (fast lane for urgent fixes)";
        return ready == null ? "provide release metadata, or " + approve
                : "wait until " + ready + ", or " + approve;
    }
}
