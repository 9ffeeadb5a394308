// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.ProvgateException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneUrlsTest {
    @Test
    void oneRepositoryOneIdHoweverSpelled() {
        for (String url : new String[] {"https://github.example/Org/App", "https://github.example/Org/App.git",
            "https://github.example/Org/App/", "https://GitHub.Example:443/Org/App.git/",
            "https://ci-bot:secret@github.example/Org/App.git", "ssh://git@github.example/Org/App.git",
            "git@github.example:Org/App.git", "http://github.example:80//Org/App"}) {
            assertEquals("github.example/Org/App", CloneUrls.id(url), url);
        }
        assertEquals("git.example:8443/team/app", CloneUrls.id("https://git.example:8443/team/app.git"));
        assertEquals("git.example/team/app", CloneUrls.id("git://git.example/team/app"));
    }

    @Test
    void fileUrlIdIsTheRealPathLikeALocalRepository(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("app.git"));
        Path real = repo.toRealPath();
        assertEquals(real.toString(), CloneUrls.id(repo.toUri().toString()));
        assertEquals(real.toString(), CloneUrls.id("file://" + repo + "/"));
    }

    @Test
    void urlsAndPathsAreToldApart() {
        assertTrue(CloneUrls.isUrl("https://git.example/a/b"));
        assertTrue(CloneUrls.isUrl("git@git.example:a/b.git"));
        assertTrue(CloneUrls.isUrl("file:///srv/git/b.git"));
        assertFalse(CloneUrls.isUrl("repos/team"));
        assertFalse(CloneUrls.isUrl("/srv/git/b.git"));
        assertFalse(CloneUrls.isUrl("C:\\repos\\b"));
        assertFalse(CloneUrls.isUrl("team:app"), "a relative path with a colon, no user@");
    }

    @Test
    void credentialsNeverPrinted() {
        assertEquals("https://git.example/a/b.git", CloneUrls.withoutCredentials("https://bot:tok@git.example/a/b.git"));
        assertTrue(CloneUrls.hasPassword("https://bot:tok@git.example/a/b.git"));
        assertFalse(CloneUrls.hasPassword("https://bot@git.example/a/b.git"));
        assertFalse(CloneUrls.hasPassword("git@git.example:a/b.git"));
        assertEquals("https://git.example:x/a: not a clone URL: no host", assertThrows(ProvgateException.class,
                () -> CloneUrls.id("https://u:p@git.example:x/a")).userMessage(), "the password is not repeated");
    }
}
