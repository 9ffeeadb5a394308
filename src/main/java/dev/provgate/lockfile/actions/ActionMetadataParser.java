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

/**
 * Action metadata in the repository ({@code action.yml|yaml}: the repository's own action, or a local action that
 * a workflow runs as {@code uses: ./PATH}): a composite action's steps' {@code uses:}, a Docker action's
 * {@code docker://} image. A JavaScript action references nothing. See docs/formats-actions.md.
 */
public final class ActionMetadataParser implements LockfileParser {
    @Override
    public String name() {
        return "githubactions/action";
    }

    @Override
    public Ecosystem ecosystem() {
        return Ecosystem.GITHUB_ACTIONS;
    }

    @Override
    public boolean accepts(String relativePath) {
        String file = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return file.equals("action.yml") || file.equals("action.yaml");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        CiYaml.Node root = CiYaml.read(source);
        if (!(root instanceof CiYaml.Mapping action)
                || !(action.get("runs").map(CiYaml::resolve).orElse(null) instanceof CiYaml.Mapping runs)) {
            throw new LockfileParseException(source, root == null ? 1 : root.line(),
                    "not GitHub Actions metadata: no 'runs:' mapping");
        }
        List<Component> out = new ArrayList<>();
        runs.get("steps").ifPresent(steps -> StepReferences.collect(source, steps, 0, out));
        runs.entry("image").ifPresent(image -> {
            if (CiYaml.resolve(image.value()) instanceof CiYaml.Scalar s && s.text().strip().startsWith("docker://")) {
                out.add(UsesReference.image(source, s.text().strip().substring("docker://".length()), image.line(),
                        "image"));
            }
        });
        return new LockfileInventory(source.displayPath(), name(), ecosystem(), out, List.of());
    }
}
