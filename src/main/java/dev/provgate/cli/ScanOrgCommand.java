// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.git.history.HistoryScanner;
import dev.provgate.git.history.Mirrors;
import dev.provgate.git.history.NothingToScanException;
import dev.provgate.git.history.RefPatterns;
import dev.provgate.git.history.RepositorySources;
import dev.provgate.git.history.ScanTarget;
import dev.provgate.git.history.Shards;
import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.UserConfig;
import dev.provgate.store.InventoryStore;
import dev.provgate.store.PostgresSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan-org", mixinStandardHelpOptions = true,
        description = "Org-wide history scan: reads every branch and tag of many git repositories, every commit that "
                + "changed a lockfile (merges included), and keeps what each ref locked, since which commit and "
                + "until which, in the inventory store. Rescans read only what changed. Ask with 'provgate query'.",
        footer = {"", "Examples:",
                "  provgate scan-org ~/src /srv/git                     # folders of repositories",
                "  provgate scan-org --repos-from repos.txt --jobs 8    # paths and clone URLs, one a line",
                "  provgate scan-org --db jdbc:postgresql://db.internal/provgate --shard 3/8 --repos-from repos.txt",
                "",
                "A repository that cannot be read gets one line on standard error and the scan goes on; the summary "
                        + "counts scanned, skipped (nothing to read) and failed repositories.",
                "Exit codes: 0 every repository scanned or skipped, 2 usage or input error, or a repository "
                        + "failed (0 with --keep-going), 3 internal error."})
final class ScanOrgCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "Folders holding repositories, repositories (work trees or bare) and clone URLs.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--repos-from", paramLabel = "FILE",
            description = "Read more SOURCEs from FILE, one a line ('#' starts a comment); repeatable.")
    List<Path> reposFrom = new ArrayList<>();

    @Option(names = "--refs", paramLabel = "PATTERN", arity = "1..*",
            description = "Refs to read (default: refs/heads/* refs/tags/* refs/remotes/*), e.g. refs/heads/*.")
    List<String> refs = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = "Repositories scanned in parallel (default: the "
            + "number of cores).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Scan shard I of N (0-based); the same repository always lands in the same shard. N alone "
                    + "takes I from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).")
    String shard;

    @Option(names = "--keep-going", description = "Exit 0 even when some repositories could not be scanned "
            + "(they are still listed and counted).")
    boolean keepGoing;

    @Option(names = "--offline", description = "No network: clone URLs use their existing mirror as it is.")
    boolean offline;

    @Mixin
    StoreOption store;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    /** What happened to one repository. */
    private record Result(ScanTarget target, HistoryScanner.Outcome outcome, ProvgateException problem,
                          boolean skipped) {
    }

    @Override
    public Integer call() throws Exception {
        if (sources.isEmpty() && reposFrom.isEmpty()) {
            throw new ProvgateException("give at least one SOURCE or --repos-from FILE");
        }
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new ProvgateException("--jobs must be at least 1");
        }
        Shards.Shard selected = shard == null ? Shards.Shard.ALL : Shards.parse(shard, System.getenv());
        HistoryScanner scanner = new HistoryScanner(HistoryScanner.lockfileParsers(), new RefPatterns(refs));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (InventoryStore first = store.open()) {
            RepositorySources.Resolved resolved = new RepositorySources(
                    new Mirrors(Mirrors.defaultCache(UserConfig.system())), offline, n)
                    .resolve(sources, reposFrom, selected);
            for (RepositorySources.Failure f : resolved.failures()) {
                err.println("provgate: scan-org: " + f.line());
            }
            List<Result> results = scanAll(resolved.targets(), scanner, first, n, err);
            return summarise(results, resolved.failures().size(), selected, out);
        }
    }

    private List<Result> scanAll(List<ScanTarget> targets, HistoryScanner scanner, InventoryStore first, int n,
                                 PrintWriter err) throws InterruptedException, ExecutionException {
        int workers = Math.max(1, Math.min(n, targets.size()));
        BlockingQueue<InventoryStore> stores = new ArrayBlockingQueue<>(workers);
        stores.add(first);
        List<InventoryStore> opened = new ArrayList<>();
        ProgressBar progress = ProgressBar.create(err, "scanning repositories", targets.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int i = 1; i < workers; i++) {
                InventoryStore more = store.open();
                opened.add(more);
                stores.add(more);
            }
            List<Future<Result>> futures = new ArrayList<>();
            for (ScanTarget target : targets) {
                futures.add(pool.submit(() -> {
                    InventoryStore s = stores.take();
                    try {
                        return scanOne(target, scanner, s);
                    } finally {
                        stores.add(s);
                        progress.advance();
                    }
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get());
            }
            progress.finish();
            for (Result r : results) {
                if (r.problem() != null) {
                    err.println("provgate: scan-org: " + r.problem().userMessage()
                            + (r.skipped() ? " (skipped)" : ""));
                    continue;
                }
                if (r.outcome().scan().truncated()) {
                    err.println("provgate: scan-org: " + r.target().location() + ": shallow clone, history before "
                            + "its boundary is missing: introduction times are lower bounds");
                }
                if (!r.outcome().headKnown()) {
                    err.println("provgate: scan-org: " + r.target().location() + ": HEAD is not a branch or "
                            + "commit: every selected ref was scanned, none as the default branch");
                }
            }
            err.flush();
            return results;
        } finally {
            pool.shutdownNow();
            opened.forEach(InventoryStore::close);
        }
    }

    private static Result scanOne(ScanTarget target, HistoryScanner scanner, InventoryStore store) {
        try {
            HistoryScanner.Outcome outcome = scanner.scan(target, store);
            if (!outcome.unchanged()) {
                store.write(outcome.scan());
            }
            return new Result(target, outcome, null, false);
        } catch (NothingToScanException e) {
            return new Result(target, null, e, true);
        } catch (ProvgateException e) {
            return new Result(target, null, e, false);
        }
    }

    private int summarise(List<Result> results, int unusableSources, Shards.Shard selected, PrintWriter out) {
        long scanned = results.stream().filter(r -> r.outcome() != null).count();
        long unchanged = results.stream().filter(r -> r.outcome() != null && r.outcome().unchanged()).count();
        long skipped = results.stream().filter(Result::skipped).count();
        long failed = results.stream().filter(r -> r.problem() != null && !r.skipped()).count() + unusableSources;
        long truncated = results.stream().filter(r -> r.outcome() != null && r.outcome().scan().truncated()).count();
        long commits = results.stream().filter(r -> r.outcome() != null).mapToLong(r -> r.outcome().commits()).sum();
        long blobs = results.stream().filter(r -> r.outcome() != null)
                .mapToLong(r -> r.outcome().scan().blobs().size()).sum();
        out.printf(Locale.ROOT, "scan-org: %d scanned (%d unchanged%s), %d skipped, %d failed%s; %d commits walked, "
                        + "%d lockfile blobs parsed; store %s%n", scanned, unchanged,
                truncated == 0 ? "" : ", " + truncated + " shallow", skipped, failed,
                selected.equals(Shards.Shard.ALL) ? "" : " in shard " + selected, commits, blobs,
                PostgresSettings.redacted(store.location()));
        out.flush();
        return failed > 0 && !keepGoing ? ExitCodes.INPUT_ERROR : ExitCodes.PASSED;
    }
}
