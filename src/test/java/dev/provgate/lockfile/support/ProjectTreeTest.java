// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTreeTest {
    @TempDir
    Path dir;

    private Path file(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void insideAGitWorkTreeTheWholeTreeIsReachable() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Path lockfile = file("repo/services/api/requirements.txt");
        ProjectTree tree = ProjectTree.around(lockfile);
        assertEquals(dir.resolve("repo").toRealPath(), tree.root());
        assertTrue(tree.contains(dir.resolve("repo/shared/base.txt")), "a sibling folder of the repository");
        assertTrue(tree.contains(dir.resolve("repo/services/api/../../pom.xml")));
        assertFalse(tree.contains(dir.resolve("elsewhere.txt")));
        assertFalse(tree.contains(Path.of("/proc/self/environ")));
    }

    @Test
    void aGitFileMarksAWorkTreeToo() throws IOException {
        file("wt/.git");
        assertEquals(dir.resolve("wt").toRealPath(), ProjectTree.around(file("wt/pom.xml")).root());
    }

    @Test
    void outsideAWorkTreeOnlyTheLockfilesFolderIsReachable() throws IOException {
        Path lockfile = file("plain/app/requirements.txt");
        ProjectTree tree = ProjectTree.around(lockfile);
        assertTrue(tree.contains(dir.resolve("plain/app/requirements/dev.txt")));
        assertFalse(tree.contains(dir.resolve("plain/base.txt")));
    }

    @Test
    void aLinkInsideTheTreeCannotLeadOutOfIt() throws IOException {
        Path secret = file("secret.txt");
        Path lockfile = file("plain/requirements.txt");
        Path link = dir.resolve("plain/linked.txt");
        try {
            Files.createSymbolicLink(link, secret);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available here");
        }
        assertFalse(ProjectTree.around(lockfile).contains(link));
    }
}
