// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provgate.advisory.AdvisoryEnricher;
import dev.provgate.check.AdvisoryEvaluator;
import dev.provgate.check.CheckPipeline;
import dev.provgate.git.GitInventories;
import dev.provgate.git.RepositoryFinder;
import dev.provgate.git.VersionHistory;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.CheckResult;
import dev.provgate.model.Component;
import dev.provgate.model.Finding;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan-repos", mixinStandardHelpOptions = true,
        description = "Org-wide scan: checks the lockfiles of every git repository under the folders (working "
                + "copies and bare repositories) at HEAD or --ref against the advisory database, one JSON line per "
                + "repository. With --package, answers which repositories lock that version, since which commit.",
        footer = {"", "Examples:",
                "  provgate scan-repos ~/src                          # advisories, every repository",
                "  provgate scan-repos --package litellm@1.82.8 --since 2026-01-01 /srv/git",
                "",
                "Exit codes: 0 nothing found, 1 a repository is blocked (or has the --package version), "
                        + "2 usage or input error (also: a repository could not be read; its line says why), "
                        + "3 internal error."})
final class ScanReposCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders to search for git repositories.")
    List<Path> roots;

    @Option(names = "--ref", paramLabel = "REV", defaultValue = "HEAD",
            description = "Revision to read in each repository (default: ${DEFAULT-VALUE}).")
    String ref;

    @Option(names = "--package", paramLabel = "NAME@VERSION|PURL",
            description = "Report, per repository, whether REV locks this version and the commit that introduced "
                    + "it (first-parent history).")
    String packageVersion;

    @Option(names = "--since", paramLabel = "DATE",
            description = "With --package: read history back to this day (YYYY-MM-DD, UTC) only.")
    LocalDate since;

    @Mixin
    DebugOption debug;

    @Mixin
    MavenOptions maven;

    @Mixin
    AdvisoriesCommand.DbDirOption advisoryDb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (since != null && packageVersion == null) {
            throw new ProvgateException("--since goes with --package");
        }
        Optional<Predicate<Component>> wanted = Optional.ofNullable(packageVersion).map(ScanReposCommand::matcher);
        List<LockfileParser> parsers = InputOptions.parsers(maven);
        List<Path> repositories = RepositoryFinder.find(roots);
        if (repositories.isEmpty()) {
            throw new ProvgateException("no git repositories found under " + roots);
        }
        CheckPipeline pipeline = wanted.isPresent() ? null : new CheckPipeline(
                List.of(new AdvisoryEnricher(advisoryDb.open())), List.of(new AdvisoryEvaluator()), List.of());
        PrintWriter out = spec.commandLine().getOut();
        int exit = ExitCodes.PASSED;
        for (Path repository : repositories) {
            ObjectNode line = JSON.createObjectNode().put("repository", repository.toString()).put("ref", ref);
            try (GitInventories git = GitInventories.openFound(repository, parsers)) {
                boolean hit = wanted.isPresent() ? introduction(git, wanted.get(), line) : check(git, pipeline, line);
                exit = hit ? ExitCodes.BLOCKED : exit;
            } catch (ProvgateException e) {
                line.put("error", e.userMessage());
                exit = exit == ExitCodes.BLOCKED ? exit : ExitCodes.INPUT_ERROR;
            }
            out.println(line);
        }
        out.flush();
        return exit;
    }

    private boolean check(GitInventories git, CheckPipeline pipeline, ObjectNode line) {
        Inventory inventory = git.atRevision(ref, List.of());
        CheckResult result = pipeline.run(inventory, new CheckPipeline.Options(Severity.BLOCK, false));
        line.put("verdict", inventory.isEmpty() ? "no lockfiles" : result.blocked() ? "blocked" : "passed")
                .put("lockfiles", inventory.lockfiles().size()).put("packages", result.packages());
        ArrayNode findings = line.putArray("findings");
        for (Finding f : result.verdict().findings()) {
            findings.addObject().put("ruleId", f.ruleId()).put("severity", f.severity().name().toLowerCase(Locale.ROOT))
                    .put("purl", f.component().purl()).put("file", f.location().file())
                    .put("line", f.location().line()).put("message", f.message());
        }
        return result.blocked();
    }

    private boolean introduction(GitInventories git, Predicate<Component> wanted, ObjectNode line) {
        Optional<VersionHistory.Introduction> found = git.history().introduction(ref, wanted,
                Optional.ofNullable(since).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()));
        line.put("package", packageVersion).put("present", found.isPresent());
        found.ifPresent(i -> line.putObject("since").put("commit", i.commit()).put("time", i.time().toString())
                .put("subject", i.subject()).put("bounded", i.bounded()));
        return found.isPresent();
    }

    /** A purl matches exactly; NAME@VERSION matches the name (case and -_. folded, as PyPI does) and version. */
    static Predicate<Component> matcher(String spec) {
        if (spec.startsWith("pkg:")) {
            return c -> c.purl().equals(spec);
        }
        int at = spec.lastIndexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            throw new ProvgateException("--package wants NAME@VERSION or a purl, not '" + spec + "'");
        }
        String name = folded(spec.substring(0, at));
        String version = spec.substring(at + 1);
        return c -> version.equals(c.version()) && name.equals(folded(c.name()));
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
