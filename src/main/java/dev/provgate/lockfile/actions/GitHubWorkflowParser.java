// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A GitHub Actions workflow ({@code .github/workflows/*.yml|yaml}): every job's reusable-workflow {@code uses:} and
 * every step's {@code uses:} is a component (see {@link UsesReference}). See docs/formats-actions.md.
 */
public final class GitHubWorkflowParser implements LockfileParser {
    private static final Pattern WORKFLOW = Pattern.compile("(?:^|.*/)\\.github/workflows/[^/]+\\.ya?ml");

    @Override
    public String name() {
        return "githubactions/workflow";
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.GITHUB_ACTIONS;
    }

    @Override
    public boolean accepts(String relativePath) {
        return WORKFLOW.matcher(relativePath).matches();
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        CiYaml.Node root = CiYaml.read(source);
        if (!(root instanceof CiYaml.Mapping workflow) || workflow.entry("jobs").isEmpty()) {
            throw new LockfileParseException(source, root == null ? 1 : root.line(),
                    "not a GitHub Actions workflow: no 'jobs:' mapping");
        }
        CiYaml.Node jobsNode = workflow.get("jobs").orElseThrow();
        if (!(CiYaml.resolve(jobsNode) instanceof CiYaml.Mapping jobs)) {
            throw new LockfileParseException(source, jobsNode.line(), "'jobs' must be a mapping of job ids to jobs");
        }
        List<Component> out = new ArrayList<>();
        int jobsSite = StepReferences.siteLine(jobsNode, 0);
        for (CiYaml.Entry job : jobs.entries()) {
            int site = StepReferences.siteLine(job.value(), jobsSite);
            if (!(CiYaml.resolve(job.value()) instanceof CiYaml.Mapping body)) {
                throw new LockfileParseException(source, job.line(), "job '" + job.key() + "' must be a mapping");
            }
            body.entry("uses").ifPresent(e -> StepReferences.reference(source, e, site, "reusable-workflow")
                    .ifPresent(out::add));
            body.get("steps").ifPresent(steps -> StepReferences.collect(source, steps, site, out));
        }
        return new LockfileInventory(source.displayPath(), name(), ecosystem(), out, List.of());
    }
}
