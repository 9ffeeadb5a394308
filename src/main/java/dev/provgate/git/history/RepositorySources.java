// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.git.GitRepositories;
import dev.provgate.git.RepositoryFinder;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache.FileKey;
import org.eclipse.jgit.util.FS;

/**
 * Turns an org scan's SOURCE arguments into the repositories to scan: folders holding repositories (see
 * {@link RepositoryFinder}), single repositories, list files ({@code --repos-from}), and clone URLs, which are
 * cloned or fetched into {@link Mirrors} (unless offline, when an existing mirror is used as it is).
 *
 * <p>Sharding happens before any clone or fetch, on ids known without the network, so each shard of a large
 * organisation transfers only its own repositories. A source that cannot be used becomes one {@link Failure} line
 * and the others go on.
 */
public final class RepositorySources {
    private final Mirrors mirrors;
    private final boolean offline;
    private final int jobs;

    /** A source that could not be used: {@code source} as given (credentials removed), and why. */
    public record Failure(String source, String reason) {
        /** The one line to print. */
        public String line() {
            return source + ": " + reason;
        }

        static Failure of(ProvgateException e) {
            return new Failure(e.file(), e.getMessage());
        }
    }

    /**
     * The repositories to scan, sorted by id without duplicates, and the sources that failed: those unusable as
     * given first, in input order, then the clone URLs that could not be cloned or fetched.
     */
    public record Resolved(List<ScanTarget> targets, List<Failure> failures) {
        public Resolved {
            targets = List.copyOf(targets);
            failures = List.copyOf(failures);
        }
    }

    /**
     * @param jobs how many clones or fetches run at once
     */
    public RepositorySources(Mirrors mirrors, boolean offline, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs < 1");
        }
        this.mirrors = mirrors;
        this.offline = offline;
        this.jobs = jobs;
    }

    /** Every repository the sources and list files name, cloned or fetched as needed. */
    public Resolved resolve(List<String> sources, List<Path> reposFrom) {
        return resolve(sources, reposFrom, Shards.Shard.ALL);
    }

    /** The repositories of one shard; only those are cloned or fetched. */
    public Resolved resolve(List<String> sources, List<Path> reposFrom, Shards.Shard shard) {
        List<Failure> failures = new ArrayList<>();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (String source : sources) {
            collect(source, Path.of("").toAbsolutePath(), CloneUrls.withoutCredentials(source), candidates, failures);
        }
        for (Path list : reposFrom) {
            readList(list, candidates, failures);
        }
        List<Candidate> mine = candidates.values().stream()
                .filter(c -> Shards.shardOf(c.id(), shard.count()) == shard.index()).toList();
        List<ScanTarget> targets = new ArrayList<>();
        for (Outcome outcome : materialise(mine)) {
            if (outcome.target() != null) {
                targets.add(outcome.target());
            } else {
                failures.add(outcome.failure());
            }
        }
        targets.sort(Comparator.comparing(ScanTarget::id));
        return new Resolved(targets, failures);
    }

    /** A repository found without the network: a local one is ready, a URL still to be mirrored. */
    private record Candidate(String id, ScanTarget local, String url) {
    }

    private record Outcome(ScanTarget target, Failure failure) {
    }

    /** Adds the repositories {@code source} names; {@code named} is how failures name it (no credentials). */
    private void collect(String source, Path base, String named, Map<String, Candidate> into, List<Failure> failures) {
        try {
            if (CloneUrls.isUrl(source)) {
                if (CloneUrls.hasPassword(source)) {
                    throw new ProvgateException(named, 0, "a password in a clone URL"
                            + " would be kept in logs and the store; give the URL without it and the password in"
                            + " ~/.netrc");
                }
                String id = CloneUrls.id(source);
                into.putIfAbsent(id, new Candidate(id, null, source));
                return;
            }
            Path path = base.resolve(source).normalize();
            if (Files.isRegularFile(path)) {
                throw new ProvgateException(named, 0, "a file, not a folder or repository (a list of repositories"
                        + " is read with --repos-from)");
            }
            List<Path> found = RepositoryFinder.find(path, e -> failures.add(Failure.of(e)));
            if (found.isEmpty()) {
                throw new ProvgateException(named, 0, "no git repository in this folder (searched "
                        + RepositoryFinder.MAX_DEPTH + " levels deep)");
            }
            for (Path repository : found) {
                try {
                    ScanTarget target = local(repository);
                    into.putIfAbsent(target.id(), new Candidate(target.id(), target, null));
                } catch (ProvgateException e) {
                    failures.add(Failure.of(e));
                }
            }
        } catch (ProvgateException e) {
            failures.add(new Failure(named, e.getMessage()));
        }
    }

    /**
     * Reads a {@code --repos-from} file: one path or clone URL a line; blank lines and lines starting with
     * {@code #} are skipped; relative paths are relative to the file's folder.
     */
    private void readList(Path list, Map<String, Candidate> into, List<Failure> failures) {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            failures.add(new Failure(list.toString(), Files.exists(list) ? "cannot read: " + e.getMessage()
                    : "no such file"));
            return;
        }
        Path base = list.toAbsolutePath().normalize().getParent();
        for (int i = 0; i < lines.size(); i++) {
            String entry = lines.get(i).strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                collect(entry, base, list + ":" + (i + 1) + ": " + CloneUrls.withoutCredentials(entry), into, failures);
            }
        }
    }

    /**
     * A local repository: the id is the real path of its work tree (or of the repository, when bare). Only a
     * {@code .git} file (a linked work tree, a submodule) needs JGit to say where the repository is; the usual
     * layouts are recognised from a few file reads, which keeps resolving thousands of repositories cheap.
     */
    static ScanTarget local(Path dir) {
        if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
            return local(dir.getParent());
        }
        try {
            Path top = dir.toRealPath();
            Path dotGit = top.resolve(".git");
            if (Files.isDirectory(dotGit) && FileKey.isGitRepository(dotGit.toFile(), FS.DETECTED)) {
                return new ScanTarget(top.toString(), dotGit, dir.toString());
            }
            if (!Files.exists(dotGit)) {
                return new ScanTarget(top.toString(), top, dir.toString());
            }
            // A .git file, or a .git folder JGit does not take for a repository (GitRepositories says why).
            try (Repository repo = GitRepositories.openFound(top)) {
                return new ScanTarget(top.toString(), repo.getDirectory().toPath().toRealPath(), dir.toString());
            }
        } catch (IOException e) {
            throw new ProvgateException(dir.toString(), 0, "cannot open the git repository: " + e.getMessage(), e);
        }
    }

    private List<Outcome> materialise(List<Candidate> candidates) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, candidates.size())));
        try {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (Candidate c : candidates) {
                pending.add(pool.submit(() -> materialise(c)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : pending) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching repositories", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome materialise(Candidate c) {
        if (c.local() != null) {
            return new Outcome(c.local(), null);
        }
        String printable = CloneUrls.withoutCredentials(c.url());
        try {
            Path mirror;
            if (offline) {
                if (!mirrors.has(c.id())) {
                    return new Outcome(null, new Failure(printable, "not mirrored yet, and --offline forbids"
                            + " cloning it (mirrors are kept in " + mirrors.cache() + ")"));
                }
                mirror = mirrors.mirrorOf(c.id());
            } else {
                mirror = mirrors.update(c.url(), c.id());
            }
            return new Outcome(new ScanTarget(c.id(), mirror.toRealPath(), printable), null);
        } catch (ProvgateException e) {
            return new Outcome(null, new Failure(printable, e.getMessage()));
        } catch (IOException e) {
            return new Outcome(null, new Failure(printable, "cannot read the mirror: " + e.getMessage()));
        }
    }
}
