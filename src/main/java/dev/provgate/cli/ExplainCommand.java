// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.Enricher;
import dev.provgate.model.Evidence;
import dev.provgate.provenance.evidence.ExpectedSigners;
import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.policy.Baseline;
import dev.provgate.policy.ExplainTarget;
import dev.provgate.policy.ExplanationWriter;
import dev.provgate.policy.PolicyEngine;
import dev.provgate.policy.PolicyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows how the trust-tiers policy treats one package. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show a package's trust tier and why, each requirement of that tier with the evidence for it, "
                + "and whether it passed, failed or is unverified. Exit 0 whatever the outcome.",
        footer = {"", "Examples:",
                "  provgate explain litellm@1.82.7                # found in the lockfiles under the current folder",
                "  provgate explain pkg:npm/@aws-sdk/client-s3@3.600.0 app/",
                "  provgate explain pkg:maven/org.bouncycastle/bcprov-jdk18on@1.82 --policy ci/trust-tiers.yaml",
                "",
                "A full purl that no lockfile locks is explained on its own, without lockfile evidence."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PURL|NAME@VERSION", description = "The package to explain.")
    String target;

    @Parameters(index = "1..*", paramLabel = "PATH",
            description = "Folders or lockfiles to look in. Default: the current folder.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE", defaultValue = PolicyLoader.DEFAULT_FILE,
            description = "The policy file (default: ${DEFAULT-VALUE} in the current folder).")
    Path policy;

    @Mixin
    DebugOption debug;

    @Mixin
    MavenOptions maven;

    @Mixin
    AttestationsCommand.StoreOption attestations;

    @Mixin
    TrustOptions trust;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PolicyEngine engine = new PolicyEngine(PolicyLoader.load(policy), Clock.systemUTC());
        ExplainTarget what = ExplainTarget.parse(target);
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        Inventory inventory = maven.reader().read(roots);
        List<Component> found = what.find(inventory);
        boolean standalone = found.isEmpty();
        if (standalone) {
            found = what.standalone().map(List::of).orElseThrow(() -> new ProvgateException(target
                    + " is not locked in the lockfiles under " + String.join(", ", roots.stream()
                    .map(Path::toString).toList()) + "; give a full purl (pkg:TYPE/NAME@VERSION) to explain a "
                    + "package that is not locked here"));
        }
        List<Enricher> enrichers = trust.storeEnrichers(attestations.store(roots), maven.settings().localRepository(),
                ExpectedSigners.from(engine.policy()), false);
        PrintWriter out = spec.commandLine().getOut();
        ExplanationWriter writer = new ExplanationWriter(engine);
        for (int i = 0; i < found.size(); i++) {
            if (i > 0) {
                out.println();
            }
            Component c = found.get(i);
            List<Evidence> evidence = enrichers.stream().flatMap(e -> e.evidenceFor(c).stream()).toList();
            writer.write(new ComponentEvidence(c, evidence), standalone, Baseline.none(), out);
        }
        out.flush();
        return ExitCodes.PASSED;
    }
}
