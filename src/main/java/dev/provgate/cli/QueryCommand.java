// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.provgate.advisory.AdvisoryDatabase;
import dev.provgate.advisory.AffectedVersions;
import dev.provgate.advisory.OsvAffected;
import dev.provgate.advisory.PackageKeys;
import dev.provgate.advisory.StoredRecord;
import dev.provgate.advisory.version.VersRange;
import dev.provgate.advisory.version.VersionScheme;
import dev.provgate.git.history.RefPatterns;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Exposure;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.Purls;
import dev.provgate.report.ExposureReport;
import dev.provgate.store.InventoryStore;
import dev.provgate.store.StoredPackage;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Who locked it, when, on which branch: answers from the inventory store that 'provgate "
                + "scan-org' fills, without opening a repository. Each exposure names the repository, ref, package, "
                + "lockfile line, the commit that introduced the version (and the merge that brought it) and the "
                + "commit that removed it (none: still locked).",
        footer = {"", "PACKAGE is a purl with a version (pkg:pypi/litellm@1.82.8), a purl without one (every "
                + "version), or a purl without one followed by a vers: range (pkg:pypi/litellm "
                + "'vers:pypi/>=1.82.7|<=1.82.8').",
                "", "Examples:",
                "  provgate query --between 2026-03-24T10:39:00Z 2026-03-24T16:00:00Z pkg:pypi/litellm@1.82.8",
                "  provgate query --at 2026-03-24T12:00:00+01:00 --ref 'refs/heads/*' pkg:pypi/litellm",
                "  provgate query --advisory GHSA-xxxx-xxxx-xxxx --format json",
                "  provgate query --any-advisory --at 2026-12-01T00:00:00Z      # what locks a known-bad version",
                "",
                "Times are RFC 3339 with an offset; output is in UTC.",
                "Exit codes: 0 no exposures, 1 exposures found, 2 usage or input error, 3 internal error."})
final class QueryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PACKAGE", arity = "0..*", description = "Packages to look for (see below).")
    List<String> packages = new ArrayList<>();

    @Option(names = "--advisory", paramLabel = "ID",
            description = "The versions this advisory (id or alias) marks affected, from the advisory database.")
    List<String> advisories = new ArrayList<>();

    @Option(names = "--any-advisory",
            description = "The versions any advisory in the advisory database marks affected: which repositories "
                    + "lock, or locked, a known-bad version.")
    boolean anyAdvisory;

    @Option(names = "--between", arity = "2", paramLabel = "TIME",
            description = "Only versions locked at some time between the two (RFC 3339, e.g. 2026-03-24T10:39:00Z).")
    List<String> between = new ArrayList<>();

    @Option(names = "--at", paramLabel = "TIME", description = "Only versions locked at this time (RFC 3339).")
    String at;

    @Option(names = "--ref", paramLabel = "PATTERN",
            description = "Only these refs: refs/heads/*, or short names such as main or release/*.")
    String ref;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    StoreOption store;

    @Mixin
    AdvisoriesCommand.DbDirOption advisoryDb;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    /** One thing asked for: a package (purl without version) and which of its versions. */
    record Wanted(String pkg, Predicate<String> version) {
    }

    @Override
    public Integer call() {
        if (!ExposureReport.FORMATS.contains(format)) {
            throw new ProvgateException("--format: expected one of " + String.join(", ", ExposureReport.FORMATS)
                    + ", not '" + format + "'");
        }
        if (packages.isEmpty() && advisories.isEmpty() && !anyAdvisory) {
            throw new ProvgateException("give a PACKAGE (a purl, with or without version), --advisory ID or "
                    + "--any-advisory");
        }
        if (!between.isEmpty() && at != null) {
            throw new ProvgateException("--between and --at: give one or the other");
        }
        Instant from = between.isEmpty() ? null : time("--between", between.get(0));
        Instant to = between.isEmpty() ? null : time("--between", between.get(1));
        if (from != null && to.isBefore(from)) {
            throw new ProvgateException("--between: " + between.get(1) + " is before " + between.get(0));
        }
        Instant instant = at == null ? null : time("--at", at);
        Predicate<String> refs = ref == null ? r -> true : RefPatterns.forQuery(ref);
        List<Wanted> wanted = new ArrayList<>(parsePackages(packages));
        advisories.forEach(id -> wanted.addAll(fromAdvisory(id)));
        List<Exposure> found;
        try (InventoryStore s = store.openScanned()) {
            if (anyAdvisory) {
                wanted.addAll(fromEveryAdvisory(s.packages()));
            }
            found = s.exposures(wanted.stream().map(Wanted::pkg).toList()).stream()
                    .filter(e -> wanted.stream().anyMatch(w -> w.pkg().equals(e.interval().pkg())
                            && w.version().test(e.interval().version())))
                    .filter(e -> refs.test(e.interval().ref()))
                    .filter(e -> from == null || overlaps(e, from, to))
                    .filter(e -> instant == null || overlaps(e, instant, instant))
                    .toList();
        }
        List<String> asked = new ArrayList<>(packages);
        advisories.forEach(a -> asked.add("advisory:" + a));
        if (anyAdvisory) {
            asked.add("advisory:*");
        }
        PrintWriter out = spec.commandLine().getOut();
        ExposureReport.write(format, new ExposureReport.Query(asked, from, to, instant, ref), found, out);
        return found.isEmpty() ? ExitCodes.PASSED : ExitCodes.BLOCKED;
    }

    /** Locked at some moment of [from, to]: introduced no later than {@code to}, removed after {@code from}. */
    private static boolean overlaps(Exposure e, Instant from, Instant to) {
        Instant start = Instant.ofEpochSecond(e.interval().startTime());
        Instant end = end(e);
        return !start.isAfter(to) && (end == null || end.isAfter(from));
    }

    private static Instant end(Exposure e) {
        return e.interval().endTime() == null ? null : Instant.ofEpochSecond(e.interval().endTime());
    }

    static Instant time(String option, String text) {
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', 'T').toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProvgateException(option + ": '" + text + "' is not an RFC 3339 time with an offset, such as "
                    + "2026-03-24T10:39:00Z or 2026-03-24T12:39:00+02:00");
        }
    }

    /** Purls, each optionally followed by a vers: range that narrows its versions. */
    static List<Wanted> parsePackages(List<String> args) {
        List<Wanted> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i).strip();
            if (arg.startsWith("vers:")) {
                throw new ProvgateException("'" + arg + "': a vers: range says which versions, not which package; "
                        + "put the package's purl without version before it (pkg:pypi/litellm " + arg + ")");
            }
            PackageURL purl = purl(arg);
            String pkg = StoredPackage.packageOf(canonical(purl));
            Ecosystem ecosystem = Ecosystem.fromPurlType(purl.getType());
            if (purl.getVersion() != null) {
                String version = purl.getVersion();
                VersionScheme<?> scheme = VersionScheme.forEcosystem(ecosystem);
                out.add(new Wanted(pkg, v -> scheme.same(v, version)));
            } else if (i + 1 < args.size() && args.get(i + 1).strip().startsWith("vers:")) {
                VersRange range = VersRange.parse(args.get(++i));
                if (range.ecosystem() != ecosystem) {
                    throw new ProvgateException("'" + range + "' is a " + range.ecosystem().purlType() + " range, "
                            + "but " + arg + " is a " + purl.getType() + " package");
                }
                out.add(new Wanted(pkg, range::contains));
            } else {
                out.add(new Wanted(pkg, v -> true));
            }
        }
        return out;
    }

    private List<Wanted> fromAdvisory(String id) {
        AdvisoryDatabase db = advisoryDb.open();
        List<StoredRecord> records = db.find(id);
        if (records.isEmpty()) {
            throw new ProvgateException("--advisory " + id + ": not in the advisory database (" + db.describe()
                    + "); import current records first: provgate advisories import PATH");
        }
        List<Wanted> out = new ArrayList<>();
        for (StoredRecord r : records) {
            for (OsvAffected affected : r.record().affected()) {
                Ecosystem ecosystem = PackageKeys.ecosystemOf(affected.ecosystem());
                if (ecosystem != Ecosystem.OTHER) {
                    String pkg = StoredPackage.packageOf(Purls.of(ecosystem, PackageKeys.normalizeName(ecosystem,
                            affected.name()), ""));
                    out.add(affectedBy(pkg, ecosystem, affected));
                }
            }
        }
        return out;
    }

    /** For each stored package, the versions any advisory marks affected. */
    private List<Wanted> fromEveryAdvisory(List<String> storedPackages) {
        AdvisoryDatabase db = advisoryDb.open();
        List<Wanted> out = new ArrayList<>();
        for (String pkg : storedPackages) {
            PackageURL purl = purl(pkg);
            Ecosystem ecosystem = Ecosystem.fromPurlType(purl.getType());
            db.lookup(ecosystem, name(purl)).forEach(hit -> out.add(affectedBy(pkg, ecosystem, hit.affected())));
        }
        return out;
    }

    /** A version its ranges cannot decide is kept: a possible exposure is shown, not dropped. */
    private static Wanted affectedBy(String pkg, Ecosystem ecosystem, OsvAffected affected) {
        return new Wanted(pkg, v -> AffectedVersions.evaluate(affected, ecosystem, v)
                != AffectedVersions.Outcome.NOT_AFFECTED);
    }

    private static PackageURL purl(String text) {
        try {
            PackageURL purl = new PackageURL(text);
            if (Ecosystem.fromPurlType(purl.getType()) == Ecosystem.OTHER) {
                throw new ProvgateException("'" + text + "': package type '" + purl.getType()
                        + "' is not one query answers for (" + Arrays.stream(Ecosystem.values())
                        .filter(e -> e != Ecosystem.OTHER).map(Ecosystem::purlType).collect(Collectors.joining(", "))
                        + ")");
            }
            return purl;
        } catch (MalformedPackageURLException e) {
            throw new ProvgateException("'" + text + "' is not a purl (pkg:TYPE/NAME[@VERSION]): " + e.getMessage());
        }
    }

    /** The purl as the parsers write it (PyPI names normalised), so it meets the stored ones. */
    private static String canonical(PackageURL purl) {
        return Purls.of(Ecosystem.fromPurlType(purl.getType()), name(purl), purl.getVersion());
    }

    /** The name as provgate spells it: npm {@code @scope/name}, Maven {@code group:artifact}. */
    private static String name(PackageURL purl) {
        return purl.getNamespace() == null ? purl.getName() : purl.getNamespace()
                + (Ecosystem.fromPurlType(purl.getType()) == Ecosystem.MAVEN ? ":" : "/") + purl.getName();
    }
}
