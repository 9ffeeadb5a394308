// SPDX-License-Identifier: Apache-2.0
package dev.provgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded fuzz run of every build: a fixed seed and a fixed number of mutated fixtures per target, so the run
 * is the same every time. scripts/fuzz.sh runs for longer, with fresh seeds and the real-world corpus.
 */
class FuzzSmokeTest {
    private static final long SEED = 20261206L;
    private static final long CASES_PER_TARGET = 60;

    @Test
    void everyTargetHandlesMutatedFixturesAsTheContractSays(@TempDir Path emptyRepository) {
        Fuzzer fuzzer = new Fuzzer(FuzzTarget.all(emptyRepository),
                List.of(Path.of("src/test/resources"), Path.of("testdata")), 10_000);
        Fuzzer.Report report = fuzzer.run(SEED, CASES_PER_TARGET, Long.MAX_VALUE);
        List<Path> saved = Fuzzer.save(report, Path.of("target", "fuzz-failures"));
        assertTrue(report.failures().isEmpty(), report.cases() + " cases, failures:\n" + report.failures().values()
                .stream().map(f -> f.target() + ": " + f.signature()).collect(Collectors.joining("\n"))
                + "\ninputs: " + saved);
        assertTrue(report.casesPerTarget().values().stream().allMatch(n -> n == CASES_PER_TARGET));
    }
}
