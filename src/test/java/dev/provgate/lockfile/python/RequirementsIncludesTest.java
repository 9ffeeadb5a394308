// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -r} and {@code -c} through an injected reader, and what happens when there is no file to resolve against. */
class RequirementsIncludesTest {
    private static LockfileSource text(String path, String content) {
        return new LockfileSource(path, content.getBytes(StandardCharsets.UTF_8), "mem:" + path);
    }

    /** Files in memory, resolved beside the including file the way the file-system reader does it. */
    private static IncludeReader memory(Map<String, String> files) {
        return (including, line, reference) -> {
            String path = IncludeReader.displayPath(including, reference);
            return Optional.ofNullable(files.get(path)).map(content -> text(path, content));
        };
    }

    @Test
    void followsNestedIncludesInSubfolders() {
        RequirementsParser parser = new RequirementsParser(memory(Map.of(
                "app/requirements/base.txt", "alpha==1.0\n-r ../shared/common.txt\n",
                "app/shared/common.txt", "--requirement=extra.txt\nbeta==2.0\n",
                "app/shared/extra.txt", "gamma==3.0\n")));
        LockfileInventory inv = parser.parse(text("app/requirements.txt", "-r requirements/base.txt\ndelta\n"));
        assertEquals("app/requirements.txt", inv.path());
        assertEquals(4, inv.components().size());
        assertEquals("app/shared/extra.txt:1", inv.components().stream().filter(c -> c.name().equals("gamma"))
                .findFirst().map(Component::location).orElseThrow().toString());
    }

    @Test
    void aDiamondIsNotACycle() {
        RequirementsParser parser = new RequirementsParser(memory(Map.of(
                "a.txt", "-r common.txt\nalpha==1.0\n",
                "b.txt", "-r common.txt\nbeta==1.0\n",
                "common.txt", "gamma==1.0\n")));
        LockfileInventory inv = parser.parse(text("requirements.txt", "-r a.txt\n-r b.txt\n"));
        assertEquals(3, inv.components().size(), "common.txt is read once");
    }

    /** Each file includes the next twice: 2^21 reads before, 21 now. */
    @Test
    void aChainOfDoubleIncludesReadsEachFileOnce() {
        Map<String, String> files = new java.util.HashMap<>();
        for (int i = 1; i <= 21; i++) {
            files.put("r" + i + ".txt", "p" + i + "==1.0\n" + (i < 21 ? ("-r r" + (i + 1) + ".txt\n").repeat(2) : ""));
        }
        int[] reads = {0};
        IncludeReader counting = (including, line, reference) -> {
            reads[0]++;
            return memory(files).read(including, line, reference);
        };
        LockfileInventory inv = new RequirementsParser(counting).parse(text("requirements.txt", "-r r1.txt\n"));
        assertEquals(21, inv.components().size());
        assertTrue(reads[0] <= 2 * 21, "includes looked up " + reads[0] + " times");
    }

    @Test
    void aFileReadAsAConstraintIsReadAgainAsRequirements() {
        RequirementsParser parser = new RequirementsParser(memory(Map.of("common.txt", "gamma==1.0\n")));
        LockfileInventory inv = parser.parse(text("requirements.txt", "-c common.txt\n-r common.txt\n"));
        assertEquals(1, inv.components().size());
    }

    @Test
    void aFileIncludingItselfIsACycle() {
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> new RequirementsParser(memory(Map.of("requirements.txt", "-r requirements.txt\n")))
                        .parse(text("requirements.txt", "alpha==1.0\n-r requirements.txt\n")));
        assertEquals("requirements.txt:2: include cycle: requirements.txt -> requirements.txt", e.userMessage());
    }

    @Test
    void anEndlesslyGrowingChainStopsAtTheDepthLimit() {
        IncludeReader symlinkLoop = (including, line, reference) -> Optional.of(
                text(IncludeReader.displayPath(including, reference), "-r loop/x.txt\n"));
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> new RequirementsParser(symlinkLoop).parse(text("requirements.txt", "-r loop/x.txt\n")));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("includes nested deeper than 64"), e.userMessage());
    }

    @Test
    void anEditableOptionWithoutTargetIsAnInputError() {
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> new RequirementsParser().parse(text("requirements.txt", "alpha==1\n-e\n")));
        assertEquals("requirements.txt:2: -e without a path or URL", e.userMessage());
    }

    @Test
    void anIncludeFromAnOriginThatIsNotAFileIsAnInputError() {
        LockfileSource fromGit = new LockfileSource("requirements.txt",
                "alpha==1.0\n-r dev.txt\n".getBytes(StandardCharsets.UTF_8), "git:HEAD~1");
        LockfileParseException e = assertThrows(LockfileParseException.class,
                () -> new RequirementsParser().parse(fromGit));
        assertEquals("requirements.txt:2: cannot follow include dev.txt: requirements.txt was not read from a file"
                + " on disk (origin git:HEAD~1)", e.userMessage());
    }

    @Test
    void theFileSystemReaderResolvesBesideTheIncludingFile() {
        LockfileInventory inv = PythonFixtures.parse(new RequirementsParser(), "requirements/includes-main.txt");
        assertEquals(2, inv.components().size());
    }

    /** A repository under review must not make provgate read, and quote in an error, a file elsewhere. */
    @Test
    void theFileSystemReaderNeverLeavesTheProjectTree(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOKEN=hunter2\n");
        Path app = Files.createDirectories(dir.resolve("app"));
        for (String reference : new String[] {secret.toString(), "../secret.txt", "/proc/self/environ"}) {
            Path requirements = Files.writeString(app.resolve("requirements.txt"), "idna==3.7\n-r " + reference + "\n");
            LockfileParseException e = assertThrows(LockfileParseException.class, () -> new RequirementsParser()
                    .parse(new LockfileSource("app/requirements.txt", Files.readAllBytes(requirements),
                            requirements.toString())));
            assertEquals("app/requirements.txt:2: included file " + reference + " is outside " + app.toRealPath()
                    + " (the git work tree, or the including file's folder outside one): not read", e.userMessage());
            assertFalse(e.userMessage().contains("hunter2"));
        }
    }
}
