// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.StoreWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills the store for every distinct name@version, a bounded number at a time. Every package gets an outcome:
 * fetched, skipped (not from a registry), no registry URL, or failed with the reason; one failure never stops
 * the others.
 */
public final class AttestationFetcher {
    private final Map<Ecosystem, EcosystemFetcher> fetchers;
    private final RegistryLocator locator;
    private final int parallelism;

    /** Told after each package, from worker threads. */
    @FunctionalInterface
    public interface Progress {
        void done(int finished, int total);
    }

    public AttestationFetcher(Network network, AttestationStore store, RegistryLocator locator, int parallelism) {
        RegistryClient client = new RegistryClient(network);
        StoreWriter writer = new StoreWriter(store);
        this.fetchers = Map.of(Ecosystem.NPM, new NpmFetcher(client, writer),
                Ecosystem.PYPI, new PypiFetcher(client, writer),
                Ecosystem.MAVEN, new MavenFetcher(client, writer));
        this.locator = locator;
        this.parallelism = Math.max(1, parallelism);
    }

    /** Outcomes sorted by ecosystem, name and version. */
    public List<FetchOutcome> fetch(Collection<Component> components, Progress progress) {
        List<Component> distinct = distinct(components);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, distinct.size())),
                r -> {
                    Thread t = new Thread(r, "provgate-fetch");
                    t.setDaemon(true);
                    return t;
                });
        try {
            AtomicInteger finished = new AtomicInteger();
            Progress forward = monotonic(progress);
            List<Future<FetchOutcome>> futures = new ArrayList<>();
            for (Component c : distinct) {
                futures.add(pool.submit(() -> {
                    FetchOutcome o = fetchOne(c);
                    forward.done(finished.incrementAndGet(), distinct.size());
                    return o;
                }));
            }
            List<FetchOutcome> outcomes = new ArrayList<>();
            for (Future<FetchOutcome> f : futures) {
                outcomes.add(join(f));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Threads finish in any order: a thread that counted 5 may report after the one that counted 6. Only a count
     * higher than the last one reported is passed on, so the counter never goes backwards.
     */
    static Progress monotonic(Progress progress) {
        int[] last = {0};
        return (done, total) -> {
            synchronized (last) {
                if (done > last[0]) {
                    last[0] = done;
                    progress.done(done, total);
                }
            }
        };
    }

    private FetchOutcome fetchOne(Component c) {
        if (!fetchers.containsKey(c.ecosystem())) {
            return FetchOutcome.skipped(c, "nothing to fetch for " + c.ecosystem().purlType() + " packages");
        }
        if (!c.pinnedToRegistryVersion()) {
            String why = c.version().isEmpty() ? "not pinned to a version"
                    : "not a registry package (" + c.source().kind().label() + ")";
            return FetchOutcome.skipped(c, why);
        }
        try {
            return locator.baseFor(c)
                    .map(base -> fetchFrom(c, base))
                    .orElseGet(() -> new FetchOutcome(c, FetchOutcome.Status.NO_REGISTRY, List.of(), List.of(),
                            "unverified: " + RegistryLocator.fixFor(c.ecosystem())));
        } catch (ProvgateException e) {
            return FetchOutcome.failed(c, e.userMessage());
        }
    }

    private FetchOutcome fetchFrom(Component c, String base) {
        try {
            return fetchers.get(c.ecosystem()).fetch(c, base);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return FetchOutcome.failed(c, why);
        }
    }

    private static List<Component> distinct(Collection<Component> components) {
        Map<String, Component> first = new TreeMap<>();
        for (Component c : components) {
            first.putIfAbsent(c.ecosystem() + " " + c.name() + " " + c.version(), c);
        }
        List<Component> out = new ArrayList<>(first.values());
        out.sort(Comparator.comparing(Component::ecosystem).thenComparing(Component::name)
                .thenComparing(Component::version));
        return out;
    }

    private static FetchOutcome join(Future<FetchOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching attestations", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
