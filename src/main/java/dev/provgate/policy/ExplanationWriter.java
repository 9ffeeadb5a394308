// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes what the policy says about one component, for {@code provgate explain}. */
public final class ExplanationWriter {
    /** Rules judged from what the lockfile records; a package outside any lockfile has no evidence for them. */
    private static final Set<String> LOCKFILE_RULES = Set.of(RequirementKind.HASHES.ruleId(),
            RequirementKind.SOURCES.ruleId(), RequirementKind.INSTALL_SCRIPTS.ruleId(),
            RequirementKind.PINNING.ruleId());

    private final PolicyEngine engine;

    public ExplanationWriter(PolicyEngine engine) {
        this.engine = engine;
    }

    /**
     * Explains one component.
     *
     * @param standalone the component was not found in a lockfile: lockfile-based rules are unverified
     */
    public void write(ComponentEvidence ce, boolean standalone, Baseline baseline, PrintWriter out) {
        Component c = ce.component();
        Assessment a = engine.assess(ce, baseline);
        List<Outcome> outcomes = standalone ? withoutLockfile(a.outcomes()) : a.outcomes();
        out.println(c.purl());
        out.println("  locked in:  " + (standalone ? "not in a lockfile; evaluated without lockfile evidence"
                : c.location() + " (" + c.scope().label() + ", " + (c.direct() ? "direct" : "transitive") + ", "
                        + c.source().kind().label() + ")"));
        out.println("  tier:       " + a.placement().tier().label());
        out.println("  why:        " + a.placement().reason());
        out.println("  requirements:");
        if (a.placement().tier().requirements().isEmpty()) {
            out.println("    (none: this tier requires nothing)");
        }
        for (Requirement r : a.placement().tier().requirements()) {
            Outcome o = outcomes.stream().filter(x -> x.ruleId().equals(r.ruleId())).findFirst().orElseThrow();
            out.printf("    %-11s %-16s %s [%s]%n", o.status().label(), r.key(), r.describe(), o.severity().label());
            out.println("                                 " + o.detail());
        }
        List<Outcome> blocked = outcomes.stream().filter(o -> o.ruleId().equals(RuleIds.BLOCKED)).toList();
        out.println("  blocked:    " + (blocked.isEmpty() ? "no" : String.join("; ",
                blocked.stream().map(Outcome::detail).toList())));
        writeVerdict(ce, outcomes, a, out);
    }

    private void writeVerdict(ComponentEvidence ce, List<Outcome> outcomes, Assessment a, PrintWriter out) {
        List<Finding> raw = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.passed()) {
                raw.add(PolicyEngine.finding(a, o, ""));
            }
        }
        List<Finding> findings = engine.applyExceptions(raw).stream()
                .filter(f -> f.component() == ce.component()).toList();
        for (Finding f : findings) {
            if (f.suppressed()) {
                out.println("  exception:  " + f.ruleId() + " silenced: " + f.suppression().reason() + " (owner "
                        + f.suppression().owner() + ", until " + f.suppression().expires() + ")");
            }
        }
        long blocking = findings.stream().filter(f -> !f.suppressed() && f.severity() == Severity.BLOCK).count();
        long warning = findings.stream().filter(f -> !f.suppressed() && f.severity() == Severity.WARN).count();
        String verdict = blocking > 0 ? "block" : warning > 0 ? "warn" : "pass";
        out.println("  verdict:    " + verdict + " (" + blocking + " blocking, " + warning + " warning)");
    }

    private static List<Outcome> withoutLockfile(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> LOCKFILE_RULES.contains(o.ruleId())
                ? new Outcome(o.ruleId(), Outcome.Status.UNVERIFIED,
                        "not found in a lockfile: no lockfile evidence", o.severity(), List.of())
                : o).toList();
    }
}
