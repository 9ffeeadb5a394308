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
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitHub Actions workflow ({@code .github/workflows/*.yml|yaml}): every job's reusable-workflow {@code uses:},
 * every step's {@code uses:} (see {@link UsesReference}) and every job's {@code container:} and {@code services:}
 * image is a component. See docs/formats-actions.md.
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
            body.entry("container").ifPresent(c -> image(source, c, site, "container", out));
            body.get("services").map(CiYaml::resolve).ifPresent(services -> {
                if (!(services instanceof CiYaml.Mapping named)) {
                    throw new LockfileParseException(source, services.line(), "'services' must be a mapping");
                }
                named.entries().forEach(s -> image(source, s, site, "service", out));
            });
        }
        return new LockfileInventory(source.displayPath(), name(), ecosystem(), out, List.of());
    }

    /**
     * A job container or service: {@code IMAGE} or {@code {image: IMAGE, ...}}. An image given by an expression
     * ({@code ${{ matrix.image }}}) names nothing that can be read here and is left out.
     */
    private static void image(LockfileSource source, CiYaml.Entry entry, int aliasLine, String usage,
                              List<Component> out) {
        CiYaml.Node value = CiYaml.resolve(entry.value());
        Optional<CiYaml.Entry> image = value instanceof CiYaml.Mapping m ? m.entry("image") : Optional.of(entry);
        image.ifPresent(e -> {
            if (!(CiYaml.resolve(e.value()) instanceof CiYaml.Scalar s)) {
                throw new LockfileParseException(source, e.line(), "a container image must be text");
            }
            String reference = s.text().strip();
            if (!reference.isEmpty() && !reference.contains("${{")) {
                out.add(UsesReference.image(source, reference.startsWith("docker://")
                        ? reference.substring("docker://".length()) : reference,
                        aliasLine > 0 ? aliasLine : e.line(), usage));
            }
        });
    }
}
