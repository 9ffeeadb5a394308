// SPDX-License-Identifier: Apache-2.0
package dev.provgate.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The long fuzz run (scripts/fuzz.sh): {@code FuzzMain SECONDS [SEED]}, every target in turn for an equal share of
 * the time, seeds from the fixtures and the real-world corpus in ../shared. Prints cases and failures, writes each
 * failing input under target/fuzz-failures/, exits 1 when anything failed.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.currentTimeMillis();
        List<FuzzTarget> targets = FuzzTarget.all(Path.of("target", "fuzz-empty-repository").toAbsolutePath());
        List<Path> seedRoots = List.of(Path.of("src/test/resources"), Path.of("testdata"),
                Path.of("../shared/corpus"), Path.of("../shared/advisories"));
        long total = 0;
        long start = System.nanoTime();
        Map<String, Fuzzer.Failure> failures = new java.util.LinkedHashMap<>();
        Map<String, String> withoutLine = new java.util.TreeMap<>();
        for (FuzzTarget target : targets) {
            long share = seconds * 1_000_000_000L / targets.size();
            Fuzzer.Report r = new Fuzzer(List.of(target), seedRoots, 5000)
                    .run(seed, Long.MAX_VALUE, System.nanoTime() + share);
            total += r.cases();
            failures.putAll(r.failures());
            r.withoutLine().forEach((message, name) -> withoutLine.putIfAbsent(name + ": " + message, name));
            System.out.printf("%-28s %9d cases %3d failures%n", target.name(), r.cases(), r.failures().size());
        }
        System.out.printf("seed %d: %d cases in %.0f s, %d distinct failures%n", seed, total,
                (System.nanoTime() - start) / 1e9, failures.size());
        failures.values().forEach(f -> System.out.println("  " + f.target() + ": " + f.signature()));
        System.out.println("input errors without a line (kinds, values elided): " + withoutLine.size());
        withoutLine.keySet().forEach(k -> System.out.println("  " + k));
        List<Path> saved = Fuzzer.save(new Fuzzer.Report(total, Map.of(), failures, Map.of()),
                Path.of("target", "fuzz-failures"));
        saved.forEach(p -> System.out.println("  input: " + p));
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
