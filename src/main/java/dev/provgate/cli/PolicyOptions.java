// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.policy.PolicyEngine;
import dev.provgate.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which trust-tiers policy `check` applies: the one named with --policy, else the trust-tiers.yaml of the project
 * being checked (in the first PATH, or in the folder of a lockfile given as the first PATH), else none.
 */
public final class PolicyOptions {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "Trust-tiers policy to apply (default: " + PolicyLoader.DEFAULT_FILE
                    + " in the first PATH's folder, when there is one).")
    Path policy;

    @Option(names = "--no-policy", description = "Check advisories only, even when a policy file exists.")
    boolean noPolicy;

    /** The file that applies, if any; a file named with --policy must exist. */
    public Optional<Path> file(List<Path> paths) {
        if (noPolicy) {
            return Optional.empty();
        }
        if (policy != null) {
            return Optional.of(policy);
        }
        Path first = paths.isEmpty() ? Path.of(".") : paths.get(0);
        Path folder = Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
        return Optional.ofNullable(folder).map(f -> f.resolve(PolicyLoader.DEFAULT_FILE)).filter(Files::isRegularFile);
    }

    public Optional<PolicyEngine> engine(List<Path> paths, Clock clock) {
        return file(paths).map(f -> new PolicyEngine(PolicyLoader.load(f), clock));
    }
}
