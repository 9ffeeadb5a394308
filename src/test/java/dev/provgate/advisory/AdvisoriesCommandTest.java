// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, list and show through the real command line, with a temporary --db-dir. */
class AdvisoriesCommandTest {
    @TempDir
    Path db;

    static Path tree() throws URISyntaxException {
        return Path.of(AdvisoriesCommandTest.class.getResource("tree").toURI());
    }

    private CliRunner.Result run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--db-dir", db.toString())).toArray(String[]::new);
        return CliRunner.run(all);
    }

    @Test
    void importsATreeThenListsAndShows() throws Exception {
        CliRunner.Result r = run("advisories", "import", tree().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("imported 3 records from 4 files into " + db), r.out());
        assertTrue(r.out().contains("1 withdrawn records kept for 'show', never matched"), r.out());
        assertTrue(r.out().contains("1 GIT ranges ignored"), r.out());
        assertTrue(r.out().contains("note: PYSEC-2099-3 git-pkg: listed but outside the ranges: 3.0"), r.out());
        assertTrue(r.out().contains("newest record modified 2099-03-01T00:00:00Z, 3 records)"), r.out());

        CliRunner.Result list = run("advisories", "list", "--package", "some.pkg");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().startsWith("advisory database " + db + " (imported "), list.out());
        assertTrue(list.out().contains("MAL-2099-2             PyPI      Some_Pkg"), list.out());
        assertTrue(list.out().contains("1 entries"), list.out());
        assertTrue(run("advisories", "list", "--ecosystem", "npm").out().contains("evil-pkg"));
        assertFalse(run("advisories", "list", "--ecosystem", "npm").out().contains("Some_Pkg"));

        CliRunner.Result show = run("advisories", "show", "pysec-2099-9");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("id:        MAL-2099-2"), show.out());
        assertTrue(show.out().contains("source:    " + tree().resolve("osv/malicious/pypi/Some_Pkg/MAL-2099-2.json")),
                show.out());
        assertTrue(show.out().contains("versions: 1.10, 1.11"), show.out());
        assertTrue(show.out().contains("sha256:" + "1".repeat(64) + "  some_pkg-1.10-py3-none-any.whl"), show.out());
        assertTrue(run("advisories", "show", "PYSEC-2099-3").out().contains("(ignored: GIT ranges name commits"));
    }

    @Test
    void importsAZip() throws Exception {
        Path zip = db.resolve("all.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(tree())) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("indicators.json")).sorted()
                    .toList()) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        Path dbDir = db.resolve("db");
        CliRunner.Result r = CliRunner.run("advisories", "import", zip.toString(), "--db-dir", dbDir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("imported 3 records from 3 files"), r.out());
        CliRunner.Result show = CliRunner.run("advisories", "show", "MAL-2099-1", "--db-dir", dbDir.toString());
        assertTrue(show.out().contains("source:    " + zip + "!/MAL-2099-1.json"), show.out());
        assertTrue(show.out().contains("range SEMVER: introduced 0"), show.out());
    }

    @Test
    void theImportedDatabaseIsWhatMatches() throws Exception {
        assertEquals(0, run("advisories", "import", tree().toString()).exitCode());
        AdvisoryEnricher enricher = new AdvisoryEnricher(AdvisoryDatabase.open(Optional.of(db)));
        assertEquals(List.of("MAL-2099-2"), ids(enricher, Component.builder(Ecosystem.PYPI, "some-pkg", "1.10").build()));
        assertEquals(List.of(), ids(enricher, Component.builder(Ecosystem.PYPI, "some-pkg", "1.1").build()));
        assertEquals(List.of("MAL-2099-1"), ids(enricher, Component.builder(Ecosystem.NPM, "Evil-Pkg", "9.9.9").build()));
        assertEquals(List.of(), ids(enricher, Component.builder(Ecosystem.PYPI, "git-pkg", "2.0").build()),
                "withdrawn");
        assertEquals(List.of("MAL-2099-2"), ids(enricher, Component.builder(Ecosystem.PYPI, "renamed", "0")
                .hash(new Hash(HashAlgorithm.SHA256, "1".repeat(64))).build()));
        assertEquals(List.of(), ids(enricher, Component.builder(Ecosystem.PYPI, "litellm", "1.82.7").build()),
                "the imported database replaces the snapshot");
    }

    private static List<String> ids(AdvisoryEnricher e, Component c) {
        return e.evidenceFor(c).stream().map(x -> ((AdvisoryMatch) x).advisoryId()).toList();
    }

    @Test
    void aMalformedRecordIsAnInputErrorNamingFileAndLine() throws Exception {
        Path source = db.resolve("src/osv/npm/x");
        Files.createDirectories(source);
        Files.writeString(source.resolve("MAL-1.json"), "{\n  \"id\": \"MAL-1\",\n  \"affected\": [1, 2]\n}\n");
        Path dbDir = db.resolve("db");
        CliRunner.Result r = CliRunner.run("advisories", "import", db.resolve("src").toString(), "--db-dir",
                dbDir.toString());
        assertEquals(2, r.exitCode());
        assertEquals("provgate: " + source.resolve("MAL-1.json") + ":3: affected/0: expected an object",
                r.err().strip());
        assertFalse(Files.exists(dbDir.resolve("index.bin")));
        try (Stream<Path> left = Files.list(dbDir)) {
            assertEquals(List.of(), left.toList(), "no temporary files left behind");
        }
    }

    @Test
    void withoutAnImportTheSnapshotIsListedWithItsAge() {
        CliRunner.Result r = run("advisories", "list", "--package", "litellm");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("built-in advisory snapshot (generated "), r.out());
        assertTrue(r.out().contains("MAL-2026-2144"), r.out());
        assertTrue(r.out().contains("4 entries"), r.out());
    }

    @Test
    void helpSaysHowOldTheSnapshotIsAndHowToRefreshIt() {
        CliRunner.Result r = CliRunner.run("advisories", "--help");
        assertEquals(0, r.exitCode());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("built-in snapshot: generated 20"), help);
        assertTrue(help.contains("newest record modified 20"), help);
        assertTrue(help.contains("Refresh it with scripts/advisories/make_snapshot.py"), help);
    }

    @Test
    void usageAndInputErrors() {
        assertEquals(2, run("advisories").exitCode());
        CliRunner.Result missing = run("advisories", "import", "does/not/exist");
        assertEquals(2, missing.exitCode());
        assertEquals("provgate: does/not/exist: no such file or directory", missing.err().strip());
        CliRunner.Result unknown = run("advisories", "show", "NOPE-1");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("provgate: no advisory NOPE-1 in the built-in advisory snapshot"),
                unknown.err());
    }

    @Test
    void aFileThatIsNotAZipIsAnInputError() throws IOException {
        Path bad = db.resolve("bad.zip");
        try (OutputStream o = Files.newOutputStream(bad)) {
            o.write("not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CliRunner.Result r = CliRunner.run("advisories", "import", bad.toString(), "--db-dir",
                db.resolve("db").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("provgate: " + bad + ": not a readable zip"), r.err());
    }
}
