// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.ProvgateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileFinderTest {
    @TempDir
    Path dir;

    private Path write(String relative, String content) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private List<String> found(LockfileFinder finder) {
        String prefix = LockfileFinder.display(dir) + "/";
        return finder.find(List.of(dir)).stream().map(f -> f.displayPath().replace(prefix, "")).toList();
    }

    @Test
    void walksFoldersSkippingInstalledAndGeneratedOnes() throws Exception {
        write("package-lock.json", "{}");
        write("web/yarn.lock", "");
        write("node_modules/x/package-lock.json", "{}");
        write(".venv/lib/requirements.txt", "");
        write("target/pom.xml", "");
        write("build/poetry.lock", "");
        write("notes.txt", "");
        assertEquals(List.of("package-lock.json", "web/yarn.lock"), found(new LockfileFinder()));
    }

    @Test
    void shrinkwrapSupersedesPackageLockInTheSameFolder() throws Exception {
        write("package-lock.json", "{}");
        write("npm-shrinkwrap.json", "{}");
        write("other/package-lock.json", "{}");
        assertEquals(List.of("npm-shrinkwrap.json", "other/package-lock.json"), found(new LockfileFinder()));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws Exception {
        Path big = write("package-lock.json", "x".repeat(2000));
        LockfileFinder.Found f = new LockfileFinder(LockfileParsers.all(), 1000).find(List.of(big)).get(0);
        ProvgateException e = assertThrows(ProvgateException.class, f::read);
        assertTrue(e.userMessage().endsWith("package-lock.json: file is 2000 bytes, over the limit of 1000"),
                e.userMessage());
    }

    @Test
    void anExplicitFileOfUnknownFormatIsAnInputErrorThatSaysHowToNameIt() throws Exception {
        Path notes = write("notes.md", "# hi");
        ProvgateException e = assertThrows(ProvgateException.class,
                () -> new LockfileFinder().find(List.of(notes)));
        assertTrue(e.getMessage().startsWith("not a lockfile or SBOM name provgate knows; name its format as "
                + "FORMAT:"), e.getMessage());
    }

    @Test
    void formatColonFileReadsALockfileUnderAnotherName() throws Exception {
        Path ci = write("deps/poetry-ci.lock", "");
        Path sbom = write("out/bom.1.4.json", "");
        List<LockfileFinder.Found> found = new LockfileFinder().find(List.of(Path.of("poetry.lock:" + ci),
                Path.of("sbom/cyclonedx-json:" + sbom)));
        assertEquals(List.of("python/poetry-lock", "sbom/cyclonedx-json"),
                found.stream().map(f -> f.parser().name()).toList());
        assertEquals(LockfileFinder.display(ci), found.get(0).displayPath());
    }

    @Test
    void formatColonFileNeedsAKnownFormatAndAFile() throws Exception {
        ProvgateException unknown = assertThrows(ProvgateException.class,
                () -> new LockfileFinder().find(List.of(Path.of("cargo.lock:" + dir.resolve("x")))));
        assertTrue(unknown.userMessage().endsWith("no such file or directory"), unknown.userMessage());
        ProvgateException missing = assertThrows(ProvgateException.class,
                () -> new LockfileFinder().find(List.of(Path.of("poetry.lock:" + dir.resolve("missing.lock")))));
        assertTrue(missing.userMessage().endsWith("missing.lock: no such file"), missing.userMessage());
    }

    @Test
    void aFileWhoseNameHasAColonIsStillThatFile() throws Exception {
        Path odd = write("poetry.lock:x/requirements.txt", "idna==3.7\n");
        assertEquals("python/requirements", new LockfileFinder().find(List.of(odd)).get(0).parser().name());
    }
}
