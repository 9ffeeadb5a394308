// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.model.CheckResult;
import dev.provgate.model.CheckedLockfile;
import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Enricher;
import dev.provgate.model.Evidence;
import dev.provgate.model.Finding;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Scope;
import dev.provgate.model.Severity;
import dev.provgate.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Enrich, evaluate, suppress: an inventory in, a {@link CheckResult} out. Pure apart from what the enrichers do. */
public final class CheckPipeline {
    /** Report order: active before suppressed, worst first, then by place in the lockfiles, rule and package. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator.comparing(Finding::suppressed)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.component().purl())
            .thenComparing(Finding::message);

    private final List<Enricher> enrichers;
    private final List<Evaluator> evaluators;
    private final List<Suppressor> suppressors;

    public CheckPipeline(List<Enricher> enrichers, List<Evaluator> evaluators, List<Suppressor> suppressors) {
        this.enrichers = List.copyOf(enrichers);
        this.evaluators = List.copyOf(evaluators);
        this.suppressors = List.copyOf(suppressors);
    }

    /** What the check is asked to do: the threshold that blocks, and whether dev dependencies count. */
    public record Options(Severity failOn, boolean ignoreDev) {
    }

    public CheckResult run(Inventory inventory, Options options) {
        List<CheckedLockfile> checked = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (LockfileInventory lockfile : inventory.lockfiles()) {
            CheckedLockfile c = select(lockfile, options.ignoreDev());
            checked.add(c);
            findings.addAll(evaluate(lockfile, c.checked()));
        }
        for (Suppressor s : suppressors) {
            findings = new ArrayList<>(s.review(List.copyOf(findings)));
        }
        findings.sort(REPORT_ORDER);
        return new CheckResult(checked, rules(), new Verdict(findings), options.failOn(), options.ignoreDev());
    }

    /** One entry per package and source (npm locks one version in several places), dev ones dropped if asked. */
    private static CheckedLockfile select(LockfileInventory lockfile, boolean ignoreDev) {
        Map<List<Object>, Component> distinct = new LinkedHashMap<>();
        int skipped = 0;
        for (Component c : lockfile.components()) {
            if (ignoreDev && c.scope() == Scope.DEV) {
                skipped++;
            } else {
                distinct.putIfAbsent(List.of(c.purl(), c.source()), c);
            }
        }
        return new CheckedLockfile(lockfile.path(), lockfile.format(), lockfile.ecosystem(),
                List.copyOf(distinct.values()), skipped);
    }

    private List<Finding> evaluate(LockfileInventory lockfile, List<Component> components) {
        DependencyPaths paths = new DependencyPaths(lockfile);
        List<Finding> out = new ArrayList<>();
        for (Component c : components) {
            ComponentEvidence evidence = new ComponentEvidence(c, enrich(c));
            List<Finding> found = new ArrayList<>();
            evaluators.forEach(e -> found.addAll(e.evaluate(evidence)));
            if (!found.isEmpty()) {
                List<String> path = paths.pathTo(c);
                found.forEach(f -> out.add(withPath(f, path)));
            }
        }
        return out;
    }

    private List<Evidence> enrich(Component c) {
        List<Evidence> evidence = new ArrayList<>();
        enrichers.forEach(e -> evidence.addAll(e.evidenceFor(c)));
        return evidence;
    }

    private static Finding withPath(Finding f, List<String> path) {
        return new Finding(f.ruleId(), f.severity(), f.component(), f.message(), f.remediation(), path, f.tier(),
                f.suppression(), f.evidence());
    }

    private List<RuleDescription> rules() {
        Map<String, RuleDescription> byId = new LinkedHashMap<>();
        evaluators.forEach(e -> e.rules().forEach(r -> byId.putIfAbsent(r.id(), r)));
        return List.copyOf(byId.values());
    }
}
