// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.advisory.AdvisoryDatabase;
import dev.provgate.advisory.AdvisoryEnricher;
import dev.provgate.check.AdvisoryEvaluator;
import dev.provgate.check.CheckPipeline;
import dev.provgate.installed.DefaultRoots;
import dev.provgate.installed.Hunt;
import dev.provgate.installed.HuntRules;
import dev.provgate.installed.HuntSettings;
import dev.provgate.installed.HuntTarget;
import dev.provgate.installed.RootResult;
import dev.provgate.model.CheckResult;
import dev.provgate.model.Finding;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Verdict;
import dev.provgate.policy.Policy;
import dev.provgate.policy.PolicyEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads installed environments, not lockfiles: is this machine, runner or image carrying a known compromise? */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = "Hunt for known compromise in installed environments: Python site-packages (every "
                + "distribution's version, every file against its RECORD digest, files nobody installed, .pth "
                + "lines that run code at start-up) and node_modules (every package.json, install scripts). Every "
                + "installed version goes through the advisory database, and every file whose SHA-256 is a "
                + "known-bad file's is blocked whatever its name. Reads only: nothing found is imported or run, "
                + "symbolic links are not followed.",
        footer = {"", "With no PATH: the active virtual or conda environment (else the first python3 on PATH), "
                + "the user site, and ./node_modules.",
                "A PATH may be site-packages, a virtual environment, node_modules, a project folder (its "
                        + "node_modules and virtual environments), or any folder or file (a wheelhouse, an image "
                        + "tar from docker save): those are hashed for the known-bad digests only.",
                "", "Examples:",
                "  provgate hunt                       # this machine's Python and ./node_modules",
                "  provgate hunt .venv node_modules --format json",
                "  provgate hunt /opt/app/lib/python3.12/site-packages --output sarif=hunt.sarif",
                "",
                "Exit codes: 0 nothing found, 1 compromise found (a finding at or above --fail-on), "
                        + "2 usage or input error (also: nothing to hunt in), 3 internal error."})
final class HuntCommand implements Callable<Integer> {
    private static final long DEFAULT_MAX_FILE_SIZE = 512L * 1024 * 1024;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Where to hunt (default: the current Python environment, the user site, ./node_modules).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Mixin
    DebugOption debug;

    @Mixin
    AdvisoriesCommand.DbDirOption advisoryDb;

    @Mixin
    PolicyOptions policyOptions;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "block",
            description = "Lowest severity that fails: block or warn (default: ${DEFAULT-VALUE}).")
    CheckCommand.FailOn failOn;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + DEFAULT_MAX_FILE_SIZE,
            description = "Files larger than this are listed but not hashed (reported as unverified; "
                    + "default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Spec
    CommandSpec spec;

    private Map<String, String> environment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));
    private Path cwd = Path.of("");

    /** Test seam: the environment, home and current folder the default roots are found from. */
    HuntCommand useEnvironment(Map<String, String> env, Path homeDir, Path currentDir) {
        this.environment = Map.copyOf(env);
        this.home = homeDir;
        this.cwd = currentDir;
        return this;
    }

    @Override
    public Integer call() {
        if (maxFileSize < 0) {
            throw new ProvgateException("--max-file-size must not be negative");
        }
        List<HuntTarget> targets = targets();
        AdvisoryDatabase db = advisoryDb.open();
        Hunt.Result hunt = new Hunt(new HuntSettings(maxFileSize, sha -> !db.withDigest(sha).isEmpty()))
                .run(targets);
        CheckResult advisories = new CheckPipeline(List.of(new AdvisoryEnricher(db)),
                List.of(new AdvisoryEvaluator()), List.of())
                .run(hunt.inventory(), new CheckPipeline.Options(failOn.severity, false));
        List<Finding> findings = new ArrayList<>(advisories.verdict().findings());
        findings.addAll(hunt.findings());
        findings = suppressed(findings);
        findings.sort(CheckPipeline.REPORT_ORDER);
        List<RuleDescription> rules = new ArrayList<>(advisories.rules());
        rules.addAll(HuntRules.RULES);
        CheckResult result = new CheckResult(advisories.lockfiles(), rules, new Verdict(findings),
                failOn.severity, false);
        for (OutputOptions.Target target : output.outputs()) {
            CheckCommand.writeFile(target, result, CheckCommand.plainSettings(false));
        }
        describe(hunt, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        CheckCommand.reporter(output.format(), CheckCommand.plainSettings(Terminal.colourAllowed())).write(result, out);
        out.flush();
        return result.blocked() ? ExitCodes.BLOCKED : ExitCodes.PASSED;
    }

    private List<HuntTarget> targets() {
        List<HuntTarget> found = paths.isEmpty() ? new DefaultRoots(environment, home, cwd).targets()
                : paths.stream().flatMap(p -> HuntTarget.of(p).stream()).toList();
        Map<Path, HuntTarget> distinct = new LinkedHashMap<>();
        found.forEach(t -> distinct.putIfAbsent(t.path().toAbsolutePath().normalize(), t));
        if (distinct.isEmpty()) {
            throw new ProvgateException("nothing to hunt in: no Python environment, user site or ./node_modules "
                    + "found; name a PATH");
        }
        return List.copyOf(distinct.values());
    }

    /**
     * The policy's exceptions for advisory and installed-file rules (an allowed .pth line is an exception for
     * installed/startup-code on the package that installed it); its other exceptions are about lockfiles and are
     * neither applied nor reported unused here.
     */
    private List<Finding> suppressed(List<Finding> findings) {
        List<Path> policyPaths = paths.isEmpty() ? List.of(cwd) : paths;
        Optional<PolicyEngine> engine = policyOptions.engine(policyPaths, Clock.systemUTC());
        if (engine.isEmpty()) {
            return findings;
        }
        Policy p = engine.get().policy();
        Policy huntOnly = new Policy(p.file(), p.tiers(), p.defaultTier(), p.rules(), p.identities(), p.approved(),
                p.blocked(), p.exceptions().stream().filter(e -> e.rule().startsWith("installed/")
                        || e.rule().startsWith("advisory/")).toList());
        return new ArrayList<>(new PolicyEngine(huntOnly, Clock.systemUTC()).applyExceptions(findings));
    }

    /** On standard error, so that standard output stays the report: what was read, root by root. */
    private static void describe(Hunt.Result hunt, PrintWriter err) {
        for (RootResult r : hunt.roots()) {
            err.printf(Locale.ROOT, "provgate hunt: %s (%s): %,d packages, %,d files, %,d hashed%n", r.display(),
                    r.format(), r.packages(), r.files(), r.hashed());
        }
        err.flush();
    }
}
