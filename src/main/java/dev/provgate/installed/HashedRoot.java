// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A root listed and every file in it hashed, with the notes on what could not be (see {@link ListingNotes}): where
 * the node_modules and plain-folder hunts start.
 *
 * @param listing the files and links under the root
 * @param at      locations as reports show them
 * @param hashed  each listed file's digests, or why there are none
 * @param notes   what could not be listed or hashed
 */
record HashedRoot(TreeListing listing, Located at, Map<String, HashedFiles.Outcome> hashed, List<Finding> notes) {

    static HashedRoot read(Path root, String display, HuntSettings settings) throws IOException {
        TreeListing listing = TreeListing.of(root);
        Located at = new Located(display);
        Map<String, HashedFiles.Outcome> hashed = HashedFiles.hash(HashedFiles.jobs(listing, rel -> ""),
                settings.maxFileBytes());
        List<Finding> notes = new ArrayList<>();
        ListingNotes.add(listing, hashed, at, notes);
        return new HashedRoot(listing, at, hashed, notes);
    }

    /** The root's result: these components and findings, after the notes. */
    RootResult result(String format, Ecosystem ecosystem, List<Component> components, List<Dependency> dependencies,
                      List<Finding> findings) {
        List<Finding> all = new ArrayList<>(notes);
        all.addAll(findings);
        return new RootResult(at.display(), format, ecosystem, components, dependencies, all,
                listing.files().size(), HashedFiles.count(hashed));
    }
}
