// SPDX-License-Identifier: Apache-2.0
package dev.provgate.bench;

import dev.provgate.lockfile.npm.PackageLockParser;
import dev.provgate.lockfile.npm.PnpmLockParser;
import dev.provgate.lockfile.npm.YarnLockParser;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse time of the largest corpus lockfile of each npm dialect. MB/s = file size / time per operation; the sizes
 * are printed at setup. Run from the project folder (it reads ../shared in place):
 * {@code java -cp target/test-classes:target/classes:CLASSPATH org.openjdk.jmh.Main NpmParse}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NpmParseBenchmark {
    private LockfileSource packageLockV2;
    private LockfileSource pnpmV9;
    private LockfileSource yarnClassic;

    @Setup
    public void load() throws IOException {
        packageLockV2 = read("npm/package-lock-v2/mongodb-compass-monorepo-2026__package-lock.json",
                "package-lock.json");
        pnpmV9 = read("npm/pnpm-lock-v9/tanstack-router__pnpm-lock.yaml", "pnpm-lock.yaml");
        yarnClassic = read("npm/yarn-lock-v1-classic/medusa-2022__yarn.lock", "yarn.lock");
    }

    private static LockfileSource read(String corpusPath, String name) throws IOException {
        Path p = SharedData.root().resolve("corpus").resolve(corpusPath);
        byte[] bytes = Files.readAllBytes(p);
        System.out.printf("%s: %d bytes%n", corpusPath, bytes.length);
        return new LockfileSource(name, bytes, "");
    }

    @Benchmark
    public LockfileInventory packageLockV2() {
        return PackageLockParser.packageLock().parse(packageLockV2);
    }

    @Benchmark
    public LockfileInventory pnpmLockV9() {
        return new PnpmLockParser().parse(pnpmV9);
    }

    @Benchmark
    public LockfileInventory yarnLockClassic() {
        return new YarnLockParser().parse(yarnClassic);
    }
}
