// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.advisory.AdvisoryDatabase;
import dev.provgate.advisory.AdvisoryImporter;
import dev.provgate.advisory.AdvisoryIndex;
import dev.provgate.advisory.PackageKeys;
import dev.provgate.advisory.RecordDescription;
import dev.provgate.advisory.StoredRecord;
import dev.provgate.advisory.Summaries;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code provgate advisories import|list|show}: the offline database of known-compromised versions. */
@Command(name = "advisories", mixinStandardHelpOptions = true,
        resourceBundle = "dev.provgate.advisory.SnapshotInfo",
        description = "Manage the offline advisory database: OSV records of known-compromised package versions.",
        subcommands = {AdvisoriesCommand.Import.class, AdvisoriesCommand.ListRecords.class,
                AdvisoriesCommand.Show.class},
        footer = {"",
                "Without an imported database, provgate uses the built-in snapshot: generated "
                        + "${bundle:snapshot.generated}, newest record modified ${bundle:snapshot.newest}, "
                        + "${bundle:snapshot.records} records. Refresh it with scripts/advisories/make_snapshot.py; "
                        + "import current data with 'provgate advisories import PATH'.",
                "",
                "Examples:",
                "  provgate advisories import malicious-packages/osv/malicious",
                "  provgate advisories import PyPI-all.zip npm-all.zip",
                "  provgate advisories list --ecosystem PyPI --package litellm",
                "  provgate advisories show MAL-2026-2144"})
final class AdvisoriesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import, list or show");
    }

    /** {@code --db-dir}: where the imported database lives (also for {@code check}). */
    public static final class DbDirOption {
        @Option(names = "--db-dir", paramLabel = "DIR",
                description = "Advisory database folder (default: ~/.cache/provgate/advisories).")
        Path dbDir;

        public Optional<Path> dbDir() {
            return Optional.ofNullable(dbDir);
        }

        public AdvisoryDatabase open() {
            return AdvisoryDatabase.open(dbDir());
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Copy OSV records (JSON or YAML) from folders and zips into the database and index them. "
                    + "An import replaces the database: give every source at once.")
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "1..*",
                description = "A folder of OSV records (searched recursively; an indicators.json adds file "
                        + "digests) or a zip of them.")
        List<Path> paths = new ArrayList<>();

        @Mixin
        DbDirOption db;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path dir = db.dbDir().orElseGet(AdvisoryDatabase::defaultDir);
            AdvisoryImporter.Summary s = AdvisoryImporter.importFrom(paths, dir, Instant.now());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("imported %d records from %d files into %s%n", s.records(), s.files(), dir);
            if (s.duplicates() > 0) {
                out.printf("  %d older copies of the same ids dropped%n", s.duplicates());
            }
            if (s.withdrawn() > 0) {
                out.printf("  %d withdrawn records kept for 'show', never matched%n", s.withdrawn());
            }
            if (s.gitRanges() > 0) {
                out.printf("  %d GIT ranges ignored: registry packages are matched by versions lists and "
                        + "ECOSYSTEM/SEMVER ranges%n", s.gitRanges());
            }
            out.printf("  %d known-bad file digests%n", s.digests());
            s.disagreements().forEach(d -> out.println("  note: " + d + " (either one makes a version affected)"));
            out.println(AdvisoryDatabase.open(Optional.of(dir)).describe());
            out.flush();
            return ExitCodes.PASSED;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the advisories in the database (or the built-in snapshot), with its age.")
    static final class ListRecords implements Callable<Integer> {
        @Option(names = "--ecosystem", paramLabel = "NAME", description = "Only this ecosystem: npm, PyPI, Maven.")
        String ecosystem;

        @Option(names = "--package", paramLabel = "NAME", description = "Only this package (normalized name).")
        String pkg;

        @Mixin
        DbDirOption db;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AdvisoryDatabase database = db.open();
            PrintWriter out = spec.commandLine().getOut();
            out.println(database.describe());
            List<String[]> rows = new ArrayList<>();
            for (StoredRecord s : candidates(database)) {
                s.record().affected().stream().filter(a -> wanted(a.ecosystem(), a.name())).forEach(a -> rows.add(
                        new String[] {s.record().id(), a.ecosystem(), a.name(), Summaries.versions(a)
                                + (s.record().isWithdrawn() ? " (withdrawn)" : ""), s.record().modified()}));
            }
            rows.sort(Comparator.<String[], String>comparing(r -> r[1]).thenComparing(r -> r[2])
                    .thenComparing(r -> r[0]));
            out.printf("%-22s %-9s %-40s %s%n", "ID", "ECOSYSTEM", "PACKAGE", "AFFECTED / MODIFIED");
            rows.forEach(r -> out.printf("%-22s %-9s %-40s %s  (modified %s)%n", r[0], r[1], r[2], r[3], r[4]));
            out.printf("%d entries%n", rows.size());
            out.flush();
            return ExitCodes.PASSED;
        }

        /** With --package, the index finds the records; otherwise every record is read. */
        private List<StoredRecord> candidates(AdvisoryDatabase database) {
            if (pkg == null) {
                return database.all();
            }
            return Stream.of(Ecosystem.NPM, Ecosystem.PYPI, Ecosystem.MAVEN, Ecosystem.GITHUB_ACTIONS)
                    .flatMap(e -> database.lookup(e, pkg).stream()).map(AdvisoryIndex.Hit::stored).distinct().toList();
        }

        private boolean wanted(String osvEcosystem, String name) {
            if (ecosystem != null && !osvEcosystem.equalsIgnoreCase(ecosystem)
                    && !PackageKeys.ecosystemOf(osvEcosystem).purlType().equals(ecosystem.toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (pkg == null) {
                return true;
            }
            Ecosystem e = PackageKeys.ecosystemOf(osvEcosystem);
            return PackageKeys.normalizeName(e, name).equals(PackageKeys.normalizeName(e, pkg));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show the facts of one advisory (by id or alias) and where its record came from.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "An advisory id or alias, e.g. MAL-2026-2144 or PYSEC-2026-2.")
        String id;

        @Mixin
        DbDirOption db;

        @Mixin
        DebugOption debug;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AdvisoryDatabase database = db.open();
            List<StoredRecord> found = database.find(id);
            if (found.isEmpty()) {
                throw new ProvgateException("no advisory " + id + " in the " + database.describe());
            }
            PrintWriter out = spec.commandLine().getOut();
            for (StoredRecord s : found) {
                RecordDescription.print(s, database, out);
            }
            out.flush();
            return ExitCodes.PASSED;
        }
    }
}
