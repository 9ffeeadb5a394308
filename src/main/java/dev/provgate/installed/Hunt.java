// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Finding;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads every root and returns what is installed there and what its files say. Reads only; runs nothing. */
public final class Hunt {
    private final HuntSettings settings;

    public Hunt(HuntSettings settings) {
        this.settings = settings;
    }

    /** Everything found, one result per root in the order given. */
    public record Result(List<RootResult> roots) {
        public Result {
            roots = List.copyOf(roots);
        }

        public Inventory inventory() {
            return new Inventory(roots.stream().map(RootResult::inventory).toList());
        }

        public List<Finding> findings() {
            List<Finding> out = new ArrayList<>();
            roots.forEach(r -> out.addAll(r.findings()));
            return out;
        }
    }

    public Result run(List<HuntTarget> targets) {
        List<RootResult> out = new ArrayList<>();
        for (HuntTarget t : targets) {
            try {
                out.add(switch (t.kind()) {
                    case SITE_PACKAGES -> new SitePackagesHunter(settings).hunt(t.path(), t.display());
                    case NODE_MODULES -> new NodeModulesHunter(settings).hunt(t.path(), t.display());
                    case FILES -> new FilesHunter(settings).hunt(t.path(), t.display());
                });
            } catch (IOException e) {
                throw new ProvgateException(t.display(), 0, "cannot read: " + e.getMessage(), e);
            }
        }
        return new Result(out);
    }
}
