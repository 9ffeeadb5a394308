// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Finding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The evaluate stage for trust tiers: places each component in a tier (first matching rule, then the built-in
 * classification, then the default tier), checks that tier's requirements against the component's evidence,
 * applies {@code blocked:} entries, then the exceptions. Pure apart from the injected clock.
 */
public final class PolicyEngine {
    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.component().location())
            .thenComparing(f -> f.component().purl())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private final Policy policy;
    private final Clock clock;

    public PolicyEngine(Policy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Policy policy() {
        return policy;
    }

    /** The tier of a component and the rule that put it there. */
    public Placement classify(Component c) {
        PackageRef ref = PackageRef.of(c);
        return policy.rules().stream().filter(r -> r.matches(c, ref)).findFirst()
                .map(r -> new Placement(r.tier(), r))
                .orElseGet(() -> new Placement(policy.defaultTier(), null));
    }

    /** Every requirement's outcome for one component, then the blocked entries that match it. */
    public Assessment assess(ComponentEvidence ce, Baseline baseline) {
        return assess(context(ce, baseline));
    }

    private Assessment assess(CheckContext ctx) {
        Placement placement = classify(ctx.component());
        List<Outcome> outcomes = new ArrayList<>();
        placement.tier().requirements().forEach(r -> outcomes.add(r.check(ctx)));
        policy.blocked().stream().filter(b -> b.pattern().matches(ctx.ref()))
                .forEach(b -> outcomes.add(new Outcome(RuleIds.BLOCKED, Outcome.Status.FAIL,
                        "blocked by policy: " + b.reason() + " (" + b.where() + ")", b.severity(), List.of())));
        return new Assessment(ctx.evidence(), placement, outcomes);
    }

    private CheckContext context(ComponentEvidence ce, Baseline baseline) {
        return new CheckContext(ce, PackageRef.of(ce.component()), clock.instant(), baseline, policy.approved(),
                policy.identities());
    }

    /** Findings for every component without a baseline (approval then needs every version approved). */
    public List<Finding> evaluate(List<ComponentEvidence> components) {
        return evaluate(components, Baseline.none());
    }

    /** Tier and blocked findings with exceptions applied, plus expired and unused exception findings. */
    public List<Finding> evaluate(List<ComponentEvidence> components, Baseline baseline) {
        return applyExceptions(findings(components, baseline));
    }

    /** Tier and blocked findings, before exceptions: for callers that merge them with other findings first. */
    public List<Finding> findings(List<ComponentEvidence> components, Baseline baseline) {
        List<Finding> out = new ArrayList<>();
        components.forEach(ce -> out.addAll(findings(ce, baseline)));
        out.sort(ORDER);
        return out;
    }

    /** One component's tier and blocked findings, before exceptions, without a dependency path. */
    public List<Finding> findings(ComponentEvidence ce, Baseline baseline) {
        CheckContext ctx = context(ce, baseline);
        Assessment a = assess(ctx);
        List<Finding> out = new ArrayList<>();
        for (Outcome o : a.failures()) {
            out.add(finding(a, o, remediation(a, o, ctx)));
        }
        return out;
    }

    /** The finding for one failed or unverified outcome. */
    static Finding finding(Assessment a, Outcome o, String remediation) {
        return new Finding(o.ruleId(), o.severity(), a.evidence().component(), o.message(), remediation, List.of(),
                a.placement().tier().name(), null, o.evidence());
    }

    /**
     * Applies the exceptions to any findings (advisory findings too): matching ones get the exception as their
     * suppression; expired exceptions and exceptions that matched nothing are added as warnings. Call it once with
     * every finding of a run so "unused" is right.
     */
    public List<Finding> applyExceptions(List<Finding> findings) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        List<Finding> out = new ExceptionLedger(policy, today).apply(findings);
        return out.stream().sorted(ORDER).toList();
    }

    private static String remediation(Assessment a, Outcome o, CheckContext ctx) {
        return a.placement().tier().requirements().stream().filter(r -> r.ruleId().equals(o.ruleId()))
                .findFirst().map(r -> r.remediation(ctx))
                .orElse("remove or replace " + ctx.ref().withoutVersion() + ", or change blocked: in the policy");
    }
}
