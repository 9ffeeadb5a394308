// SPDX-License-Identifier: Apache-2.0
package dev.provgate.fuzz;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs mutated seeds through the targets. Each input must parse or fail with a {@link ProvgateException} whose
 * message is one line; anything else (an unchecked exception, an Error, a message with control characters, a run
 * past the time limit) is a failure, kept once per kind and location with the input that caused it.
 */
final class Fuzzer {
    /** What one run found. */
    record Report(long cases, Map<String, Long> casesPerTarget, Map<String, Failure> failures,
                  Map<String, String> withoutLine) {
    }

    /** One kind of failure, where it was first seen, and the input that shows it. */
    record Failure(String target, String signature, byte[] input) {
    }

    /** Marks an input error that names no line: counted for the report, not a failure. */
    private static final String NO_LINE = "\0no line: ";

    private final List<FuzzTarget> targets;
    private final List<Path> seedRoots;
    private final long perCaseMillis;

    Fuzzer(List<FuzzTarget> targets, List<Path> seedRoots, long perCaseMillis) {
        this.targets = List.copyOf(targets);
        this.seedRoots = List.copyOf(seedRoots);
        this.perCaseMillis = perCaseMillis;
    }

    /** {@code casesPerTarget} mutated inputs for each target, or until the deadline, from the given seed. */
    Report run(long seed, long casesPerTarget, long deadlineNanos) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Failure> failures = new LinkedHashMap<>();
        Map<String, String> withoutLine = new LinkedHashMap<>();
        ExecutorService worker = newWorker();
        try {
            for (FuzzTarget target : targets) {
                List<byte[]> seeds = new ArrayList<>(FuzzSeeds.forTarget(target, seedRoots));
                if (seeds.isEmpty()) {
                    seeds.add(new byte[0]);
                }
                SplittableRandom random = new SplittableRandom(seed ^ target.name().hashCode());
                long n = 0;
                for (; n < casesPerTarget && System.nanoTime() < deadlineNanos; n++) {
                    byte[] input = Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
                    String problem = check(worker, target, input);
                    if (problem.startsWith("timeout")) {
                        worker.shutdownNow();
                        worker = newWorker();
                    }
                    if (problem.startsWith(NO_LINE)) {
                        String message = problem.substring(NO_LINE.length()).replaceAll("'[^']*'", "'…'");
                        withoutLine.putIfAbsent(message.substring(0, Math.min(message.length(), 48)), target.name());
                    } else if (!problem.isEmpty()) {
                        failures.putIfAbsent(target.name() + " " + problem, new Failure(target.name(), problem, input));
                    }
                }
                counts.put(target.name(), n);
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(counts.values().stream().mapToLong(Long::longValue).sum(), counts, failures, withoutLine);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz", 4L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
    }

    /** Empty when the input was handled as the contract says; else the failure's signature. */
    private String check(ExecutorService worker, FuzzTarget target, byte[] input) {
        Future<String> outcome = worker.submit(() -> {
            try {
                target.read().accept(input);
                return "";
            } catch (ProvgateException e) {
                String message = e.userMessage();
                if (message.chars().anyMatch(c -> c < 0x20)) {
                    return "control character in message: " + e.getClass().getSimpleName();
                }
                return e.line() > 0 ? "" : NO_LINE + e.getMessage();
            } catch (Throwable t) { // the contract is broken by anything else, Errors included
                return t.getClass().getName() + " at " + firstFrame(t);
            }
        });
        try {
            return outcome.get(perCaseMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            return "timeout over " + perCaseMillis + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return "harness: " + e.getCause();
        }
    }

    private static String firstFrame(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("dev.provgate")) {
                return e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
            }
        }
        return t.getStackTrace().length == 0 ? "?" : t.getStackTrace()[0].toString();
    }

    /** Writes each failure's input under {@code dir}, named by target and number, and returns the files. */
    static List<Path> save(Report report, Path dir) {
        List<Path> saved = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int i = 0;
            for (Failure f : report.failures().values()) {
                Path file = dir.resolve(f.target().replace('/', '-') + "-" + (++i) + ".bin");
                Files.write(file, f.input());
                saved.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return saved;
    }
}
