// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.git.GitInventories;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import dev.provgate.policy.Policy;
import dev.provgate.policy.PolicyEngine;
import dev.provgate.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Which trust-tiers policy `check` applies: the one named with --policy, else the trust-tiers.yaml of the project
 * being checked (in the first PATH, or in the folder of a lockfile given as the first PATH), else none; with
 * --policy-from, that file as a git revision has it.
 */
public final class PolicyOptions {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "Trust-tiers policy to apply (default: " + PolicyLoader.DEFAULT_FILE
                    + " in the first PATH's folder, when there is one).")
    Path policy;

    @Option(names = "--no-policy", description = "Check advisories only, even when a policy file exists.")
    boolean noPolicy;

    @Option(names = "--policy-from", paramLabel = "REV",
            description = "Read the policy file as it is at git revision REV (e.g. origin/main) instead of from the "
                    + "working tree, so that a pull request cannot loosen the policy it is checked with.")
    String policyFrom;

    /** The file that applies, if any; a file named with --policy must exist. */
    public Optional<Path> file(List<Path> paths) {
        if (noPolicy) {
            return Optional.empty();
        }
        if (policy != null) {
            return Optional.of(policy);
        }
        Path first = paths.isEmpty() ? Path.of(".") : paths.get(0);
        return Optional.ofNullable(folderOf(first)).map(f -> f.resolve(PolicyLoader.DEFAULT_FILE))
                .filter(Files::isRegularFile);
    }

    /** The trust tier a policy places a package in, by name; "" for every package without a policy. */
    static Function<Component, String> tierNames(Optional<PolicyEngine> policy) {
        return policy.<Function<Component, String>>map(engine -> c -> engine.classify(c).tier().name())
                .orElse(c -> "");
    }

    public Optional<PolicyEngine> engine(List<Path> paths, Clock clock) {
        Optional<Policy> loaded = policyFrom != null && !noPolicy ? atRevision(paths)
                : file(paths).map(PolicyLoader::load);
        return loaded.map(p -> new PolicyEngine(p, clock));
    }

    /**
     * The policy file at --policy-from: the one --policy names (which must be there), else the default file of the
     * first PATH's folder, if the revision has one (whether or not the working tree still does).
     */
    private Optional<Policy> atRevision(List<Path> paths) {
        Path first = paths.isEmpty() ? Path.of(".") : paths.get(0);
        Path file = policy != null ? policy : folderOf(first).resolve(PolicyLoader.DEFAULT_FILE);
        try (GitInventories git = GitInventories.open(first, List.of())) {
            String repoPath = git.repoPath(file.toString());
            Optional<LockfileSource> source = git.fileAt(policyFrom, repoPath);
            if (source.isEmpty() && policy != null) {
                throw new ProvgateException(policyFrom + ":" + repoPath, 0, "no such file at " + policyFrom);
            }
            return source.map(s -> PolicyLoader.parse(s.displayPath(), s.bytes()));
        }
    }

    private static Path folderOf(Path first) {
        return Files.isDirectory(first) ? first : first.toAbsolutePath().getParent();
    }
}
