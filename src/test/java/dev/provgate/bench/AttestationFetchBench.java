// SPDX-License-Identifier: Apache-2.0
package dev.provgate.bench;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.provenance.fetch.AttestationFetcher;
import dev.provgate.provenance.fetch.CachingNetwork;
import dev.provgate.provenance.fetch.FakeRegistry;
import dev.provgate.provenance.fetch.FakeRegistry.Answer;
import dev.provgate.provenance.fetch.FetchOutcome;
import dev.provgate.provenance.fetch.HttpNetwork;
import dev.provgate.provenance.fetch.Network;
import dev.provgate.provenance.fetch.OfflineNetwork;
import dev.provgate.provenance.fetch.RegistryLocator;
import dev.provgate.provenance.fetch.UserConfig;
import dev.provgate.provenance.store.AttestationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code attestations fetch} of 200 npm packages from a local fake registry that answers each request after
 * {@code latencyMillis} (two requests per package, the attestations endpoint a 404): cold cache with 1 and 8 jobs,
 * then a warm cache online and offline. Run: see docs/attestations.md ("Measured").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class AttestationFetchBench {
    private static final int PACKAGES = 200;

    @Param({"20"})
    long latencyMillis;

    private FakeRegistry registry;
    private List<Component> components;
    private Path work;
    private Path warmCache;

    @Setup(Level.Trial)
    public void start() throws IOException {
        registry = new FakeRegistry();
        components = new ArrayList<>();
        for (int i = 0; i < PACKAGES; i++) {
            String name = "pkg-" + i;
            registry.on("/" + name, Answer.ok("{\"versions\": {\"1.0.0\": {\"dist\": {}}}, \"time\": "
                    + "{\"1.0.0\": \"2024-01-01T00:00:00Z\"}}").delayed(latencyMillis));
            registry.on("/-/npm/v1/attestations/" + name + "@1.0.0", Answer.status(404).delayed(latencyMillis));
            components.add(Component.builder(Ecosystem.NPM, name, "1.0.0").build());
        }
        work = Files.createTempDirectory("provgate-bench");
        warmCache = work.resolve("warm-cache");
        run(online(warmCache), 8, work.resolve("warm-store"));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        registry.close();
        try (java.util.stream.Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Network online(Path cache) {
        return new CachingNetwork(new HttpNetwork(HttpNetwork.Settings.withTimeout(Duration.ofSeconds(10))), cache,
                CachingNetwork.DEFAULT_TTL, Clock.systemUTC());
    }

    private List<FetchOutcome> run(Network network, int jobs, Path store) {
        String base = registry.url("");
        RegistryLocator locator = new RegistryLocator(new RegistryLocator.Options(Optional.of(base),
                Optional.empty(), Optional.empty()), new UserConfig(work, Map.of()));
        List<FetchOutcome> outcomes = new AttestationFetcher(network, new AttestationStore(store), locator, jobs)
                .fetch(components, (d, t) -> { });
        if (outcomes.stream().anyMatch(o -> o.status() != FetchOutcome.Status.FETCHED)) {
            throw new IllegalStateException("a package was not fetched: " + outcomes);
        }
        return outcomes;
    }

    private Path fresh(String what) throws IOException {
        return Files.createTempDirectory(work, what);
    }

    @Benchmark
    public List<FetchOutcome> coldCacheOneJob() throws IOException {
        return run(online(fresh("cache")), 1, fresh("store"));
    }

    @Benchmark
    public List<FetchOutcome> coldCacheEightJobs() throws IOException {
        return run(online(fresh("cache")), 8, fresh("store"));
    }

    @Benchmark
    public List<FetchOutcome> warmCacheEightJobs() throws IOException {
        return run(online(warmCache), 8, fresh("store"));
    }

    @Benchmark
    public List<FetchOutcome> offlineFromCacheEightJobs() throws IOException {
        return run(new CachingNetwork(new OfflineNetwork(), warmCache, CachingNetwork.DEFAULT_TTL,
                Clock.systemUTC()), 8, fresh("store"));
    }
}
