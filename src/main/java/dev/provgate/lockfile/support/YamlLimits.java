// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * The bounds every YAML input file is read under (pnpm and yarn berry lockfiles, CI workflows): nesting depth,
 * aliases to collections (what "billion laughs" needs), duplicate keys refused. Size is bounded by the finder's
 * file limit.
 */
public final class YamlLimits {
    /** Real lockfiles and workflows nest a handful of levels; far deeper input is hostile or broken. */
    public static final int MAX_NESTING = 64;
    /** Aliases to a mapping or sequence per document; each one can repeat a whole subtree. */
    public static final int MAX_COLLECTION_ALIASES = 20;

    private YamlLimits() {
    }

    /** SnakeYAML options with these bounds. */
    public static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowDuplicateKeys(false);
        return options;
    }
}
