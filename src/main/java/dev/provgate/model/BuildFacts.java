// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/**
 * What a build's SLSA provenance predicate (v0.2 or v1) and its certificate say about how a release was built.
 * Empty strings for what they do not say.
 *
 * @param workflowPath the workflow file in its repository ({@code .github/workflows/release.yml})
 * @param ref          the git ref the workflow ran on ({@code refs/tags/v1.2.3})
 * @param trigger      the event that started it ({@code push}, {@code release}, {@code pull_request_target})
 * @param builder      the builder id ({@code https://github.com/actions/runner/github-hosted})
 * @param commit       the source commit
 */
public record BuildFacts(String workflowPath, String ref, String trigger, String builder, String commit) {
    public static final BuildFacts NONE = new BuildFacts("", "", "", "", "");

    public BuildFacts {
        workflowPath = workflowPath == null ? "" : workflowPath;
        ref = ref == null ? "" : ref;
        trigger = trigger == null ? "" : trigger;
        builder = builder == null ? "" : builder;
        commit = commit == null ? "" : commit;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Fields of {@code fallback} fill what this one leaves empty. */
    public BuildFacts or(BuildFacts fallback) {
        return new BuildFacts(first(workflowPath, fallback.workflowPath), first(ref, fallback.ref),
                first(trigger, fallback.trigger), first(builder, fallback.builder), first(commit, fallback.commit));
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
