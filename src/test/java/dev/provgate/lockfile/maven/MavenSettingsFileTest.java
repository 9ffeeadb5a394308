// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.provgate.model.ProvgateException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MavenSettingsFileTest {
    static final MavenResolutionSettings DEFAULTS = new MavenResolutionSettings(Path.of("/default/repo"), "", false);

    @Test
    void readsLocalRepositoryOfflineAndMirrors() {
        TestRepository folder = new TestRepository("settings");
        Path settings = folder.project("settings.xml", """
                <settings>
                  <localRepository>/custom/repo</localRepository>
                  <offline>true</offline>
                  <mirrors>
                    <mirror><id>corp</id><url>https://repo.corp.invalid/maven</url><mirrorOf>*</mirrorOf></mirror>
                    <mirror><id>incomplete</id><mirrorOf>central</mirrorOf></mirror>
                  </mirrors>
                  <profiles><profile><id>p</id></profile></profiles>
                </settings>
                """);
        MavenResolutionSettings read = MavenSettingsFile.read(settings, DEFAULTS);
        assertEquals(new MavenResolutionSettings(Path.of("/custom/repo"), "", true,
                List.of(new MavenResolutionSettings.Mirror("corp", "https://repo.corp.invalid/maven", "*"))), read);
    }

    @Test
    void malformedSettingsIsAnInputError() {
        Path settings = new TestRepository("bad-settings").project("settings.xml", "<settings>\n<mirrors>\n</settings>\n");
        ProvgateException e = assertThrows(ProvgateException.class, () -> MavenSettingsFile.read(settings, DEFAULTS));
        assertEquals(settings + ":3: malformed XML: The element type \"mirrors\" must be terminated by the matching "
                + "end-tag \"</mirrors>\".", e.userMessage());
    }
}
