// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One repository an org-wide scan reads.
 *
 * @param id the stable identity the store and sharding key on: a local repository's real path, or a clone URL
 *     normalised by {@link CloneUrls#id} (no credentials, no trailing {@code .git} or {@code /}); the same
 *     repository has the same id whatever path or spelling named it
 * @param gitDir the git directory JGit opens (a work tree's {@code .git} folder, a bare repository, or the mirror
 *     a clone URL was fetched into)
 * @param location what to print: the path or URL as the user gave it, credentials removed
 */
public record ScanTarget(String id, Path gitDir, String location) {

    /** Opens {@link #gitDir} with JGit; the environment (GIT_DIR in a hook) is ignored. */
    public Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }
}
