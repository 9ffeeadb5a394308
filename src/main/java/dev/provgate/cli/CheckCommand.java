// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.advisory.AdvisoryEnricher;
import dev.provgate.check.AdvisoryEvaluator;
import dev.provgate.check.ChangeEvaluator;
import dev.provgate.check.CheckPipeline;
import dev.provgate.check.Evaluator;
import dev.provgate.check.Suppressor;
import dev.provgate.diff.InventoryComparison;
import dev.provgate.git.IntroducedOnly;
import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.Finding;
import dev.provgate.model.RuleDescription;
import dev.provgate.check.ProvenanceEvaluator;
import dev.provgate.policy.Baseline;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.policy.PolicyEngine;
import dev.provgate.policy.RuleIds;
import dev.provgate.provenance.evidence.ExpectedSigners;
import dev.provgate.lockfile.InventoryReader;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.CheckResult;
import dev.provgate.model.Enricher;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.Severity;
import dev.provgate.report.Reporter;
import dev.provgate.report.Reporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The gate: discover, parse, enrich, evaluate, report; the exit code says whether the build may go on. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every locked package against known-compromised versions (and, where configured, "
                + "trust tiers and provenance). Exits 1 when a finding at or above --fail-on is not suppressed.",
        footer = {"", "Examples:",
                "  provgate check                   # lockfiles under the current folder",
                "  provgate check --fail-on warn app/",
                "  provgate check --output sarif=provgate.sarif --output junit=provgate-junit.xml",
                "  provgate check --format markdown --markdown-limit 1048576 >> \"$GITHUB_STEP_SUMMARY\"",
                "  provgate check --pin-identities   # record first-seen signers in attestations/ (review, commit)",
                "  provgate check --staged          # pre-commit: staged lockfile changes only",
                "  provgate check --baseline origin/main   # pull request: what the change introduces",
                "  provgate check --freeze critical --freeze-reason \"INC-42\" --baseline origin/main",
                "",
                "Exit codes: 0 passed, 1 blocked, 2 usage or input error (also: no lockfiles found), "
                        + "3 internal error."})
final class CheckCommand implements Callable<Integer> {
    enum FailOn {
        block(Severity.BLOCK), warn(Severity.WARN);

        final Severity severity;

        FailOn(Severity severity) {
            this.severity = severity;
        }
    }

    @Mixin
    InputOptions input;

    @Mixin
    InputOptions.Git git;

    @Mixin
    InputOptions.Compare compare;

    @Mixin
    OutputOptions output;

    @Mixin
    DebugOption debug;

    @Mixin
    MavenOptions maven;

    @Mixin
    AdvisoriesCommand.DbDirOption advisoryDb;

    @Mixin
    PolicyOptions policyOptions;

    @Mixin
    AttestationsCommand.StoreOption attestations;

    @Mixin
    TrustOptions trust;

    @Mixin
    FreezeOptions freezeOptions;

    @Option(names = "--pin-identities",
            description = "Record the signer first seen for each package in the attestation store (trust on first "
                    + "use). Off by default: check only compares, so CI runs leave the store untouched.")
    boolean pinIdentities;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "block",
            description = "Lowest severity that fails the build: block or warn (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--ignore-dev", description = "Do not check dev dependencies (the summary says how many).")
    boolean ignoreDev;

    @Option(names = "--allow-empty", description = "Pass when no lockfile is found, instead of exit 2.")
    boolean allowEmpty;

    @Spec
    CommandSpec spec;

    private InventoryReader reader;
    private Supplier<List<Enricher>> enricherSource = this::enrichers;
    private Optional<PolicyEngine> policy = Optional.empty();
    private Optional<InputOptions.Compared> compared = Optional.empty();

    /** Test seam: the discover/parse stage and the enrichers to use instead of the production ones. */
    CheckCommand use(InventoryReader testReader, List<Enricher> testEnrichers) {
        this.reader = testReader;
        this.enricherSource = () -> testEnrichers;
        return this;
    }

    /**
     * The enrich stage, offline: the advisory database (imported, else the snapshot in the jar), and from the
     * attestation store that `provgate attestations fetch` filled, the publish times and the verified provenance
     * (without a policy, only when there is a store: evidence of tampering blocks in every mode).
     */
    List<Enricher> enrichers() {
        AdvisoryEnricher advisories = new AdvisoryEnricher(advisoryDb.open());
        AttestationStore store = attestations.store(input.paths());
        if (policy.isEmpty() && !pinIdentities && !Files.isDirectory(store.root())) {
            return List.of(advisories);
        }
        List<Enricher> enrichers = new ArrayList<>(List.of(advisories));
        enrichers.addAll(trust.storeEnrichers(store, maven.settings().localRepository(),
                policy.map(engine -> ExpectedSigners.from(engine.policy())).orElse(ExpectedSigners.none()),
                pinIdentities));
        return enrichers;
    }

    /**
     * The evaluate stage: the advisory rules and the provenance rules that hold in every mode (tampering, unexpected
     * signers), then the trust-tier policy when there is one.
     */
    List<Evaluator> evaluators() {
        List<Evaluator> evaluators = new ArrayList<>(List.of(new AdvisoryEvaluator(), new ProvenanceEvaluator()));
        compared.ifPresent(c -> evaluators.add(new ChangeEvaluator(c.rev(), c.comparison().lockfiles(),
                freezeOptions.freeze(policy), tierOf())));
        policy.ifPresent(engine -> evaluators.add(new Evaluator() {
            @Override
            public List<RuleDescription> rules() {
                return RuleIds.DESCRIPTIONS;
            }

            @Override
            public List<Finding> evaluate(ComponentEvidence evidence) {
                return engine.findings(evidence, compared.map(InputOptions.Compared::baseline)
                        .orElse(Baseline.none()));
            }
        }));
        return evaluators;
    }

    /** The policy's exceptions silence findings (advisory ones too) and report themselves when expired or unused. */
    List<Suppressor> suppressors() {
        List<Suppressor> suppressors = new ArrayList<>();
        policy.ifPresent(engine -> suppressors.add(engine::applyExceptions));
        compared.ifPresent(c -> suppressors.add(ProvenanceEvaluator.sparingTampering(c.introducedOnly()::review)));
        return suppressors;
    }

    @Override
    public Integer call() {
        policy = policyOptions.engine(input.paths(), Clock.systemUTC());
        List<LockfileParser> parsers = InputOptions.parsers(maven);
        Inventory inventory = git.read(input.paths(), reader != null ? reader : maven.reader(), parsers,
                new InventoryComparison(tierOf()));
        if (inventory.isEmpty() && git.staged()) {
            return nothingStaged();
        }
        if (inventory.isEmpty()) {
            noLockfiles();
        }
        freezeOptions.freeze(policy);
        compared = compare.compared(git, input.paths(), inventory, parsers, new InventoryComparison(tierOf()),
                freezeOptions.active());
        List<Enricher> enrichers = enricherSource.get();
        if (git.staged()) {
            inventory = introducedOnly(inventory, enrichers);
        }
        CheckResult result = new CheckPipeline(enrichers, evaluators(), suppressors())
                .run(inventory, new CheckPipeline.Options(failOn.severity, ignoreDev));
        UnaryOperator<String> sourcePath = SourceRoot.of(input.paths(), git.fromGit());
        List<String> notices = notices(inventory);
        for (OutputOptions.Target target : output.outputs()) {
            writeFile(target, result, settings(false, sourcePath, notices));
        }
        PrintWriter out = spec.commandLine().getOut();
        Reporters.Settings settings = settings(Terminal.colourAllowed(), sourcePath, notices);
        if (!Reporters.showsNotices(output.format())) {
            settings.notices().forEach(n -> spec.commandLine().getErr().println("provgate: " + n));
            spec.commandLine().getErr().flush();
        }
        reporter(output.format(), settings).write(result, out);
        out.flush();
        return result.blocked() ? ExitCodes.BLOCKED : ExitCodes.PASSED;
    }

    /** The trust tier of a package by the policy's name for it; "" without a policy. */
    private Function<Component, String> tierOf() {
        return PolicyOptions.tierNames(policy);
    }

    /**
     * Pre-commit mode evaluates only what the commit adds or changes (by digest and source): what HEAD already
     * locked is not evaluated, unless a locked digest is a known-bad file's (never inherited).
     */
    private Inventory introducedOnly(Inventory inventory, List<Enricher> enrichers) {
        IntroducedOnly introduced = compared.orElseThrow().introducedOnly();
        List<Enricher> advisories = enrichers.stream().filter(AdvisoryEnricher.class::isInstance).toList();
        return new Inventory(inventory.lockfiles().stream().map(l -> new LockfileInventory(l.path(), l.format(),
                l.ecosystem(), l.components().stream()
                        .filter(c -> introduced.introduced(c) || knownBadDigest(c, advisories)).toList(),
                l.dependencies())).toList());
    }

    private static boolean knownBadDigest(Component c, List<Enricher> advisories) {
        return !c.hashes().isEmpty() && advisories.stream().flatMap(e -> e.evidenceFor(c).stream())
                .anyMatch(IntroducedOnly::onKnownBadDigest);
    }

    private int nothingStaged() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("provgate: no staged lockfile changes; nothing to check");
        err.flush();
        return ExitCodes.PASSED;
    }

    private void noLockfiles() {
        String where = input.paths().stream().map(Path::toString).collect(Collectors.joining(", "));
        if (!allowEmpty) {
            throw new ProvgateException("no lockfiles found under " + where + " (--allow-empty passes anyway)");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("provgate: no lockfiles found under " + where + "; passing (--allow-empty)");
        err.flush();
    }

    static void writeFile(OutputOptions.Target target, CheckResult result, Reporters.Settings settings) {
        Path file = target.file();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                reporter(target.format(), settings).write(result, w);
                if (w.checkError()) {
                    throw new IOException("write failed");
                }
            }
        } catch (IOException e) {
            throw new ProvgateException(file.toString(), 0, "cannot write the " + target.format() + " report: "
                    + e.getMessage(), e);
        }
    }

    /** Set-up problems said once at the top: a store the policy needs is missing, or holds stripped npm metadata. */
    private List<String> notices(Inventory inventory) {
        AttestationStore store = attestations.store(input.paths());
        return Stream.concat(policy.flatMap(engine -> StoreNeeds.missing(engine.policy(), store)).stream(),
                StoreNeeds.unsignedNpm(inventory, store).stream()).toList();
    }

    private Reporters.Settings settings(boolean colour, UnaryOperator<String> sourcePath, List<String> notices) {
        String fullReport = output.outputs().stream().filter(t -> t.format().equals("json"))
                .map(t -> StoreNeeds.shown(t.file())).findFirst().orElse("");
        return new Reporters.Settings(toolVersion(), colour, output.verbose(), output.markdownLimit(), fullReport,
                notices, sourcePath);
    }

    /** Report settings with no check-specific options (paths as shown, the default Markdown limit). */
    static Reporters.Settings plainSettings(boolean colour) {
        return new Reporters.Settings(toolVersion(), colour);
    }

    private static String toolVersion() {
        return Optional.ofNullable(CheckCommand.class.getPackage().getImplementationVersion()).orElse("development");
    }

    static Reporter reporter(String format, Reporters.Settings settings) {
        return Reporters.create(format, settings)
                .orElseThrow(() -> new ProvgateException("unknown format: " + format));
    }
}
