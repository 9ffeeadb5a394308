// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One Python site-packages folder: the installed distributions ({@code *.dist-info}, {@code *.egg-info}), every file
 * their RECORD lists checked against its digest, the files nobody claims, and the start-up hooks ({@code .pth} lines
 * that run code, sitecustomize). RECORD rows that climb out of the folder ({@code ../../../bin/tool}) are checked
 * when they stay inside the environment's prefix and no link leads out of it.
 */
final class SitePackagesHunter {
    static final String FORMAT = "python/site-packages";
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:");
    private static final Pattern EXTENSION = Pattern.compile("\\.(so(\\.[0-9.]+)?|pyd|dylib)$");

    /** An installed distribution and what its metadata says it owns. */
    private record Distribution(String folder, Component component, String recordFile,
                                Optional<RecordFile.Parsed> record, Set<String> topLevel, boolean systemPackaged) {
        String label() {
            return component.coordinates();
        }
    }

    private record Claim(Distribution owner, RecordFile.Entry entry) {
    }

    private final HuntSettings settings;

    SitePackagesHunter(HuntSettings settings) {
        this.settings = settings;
    }

    /** Whether a folder looks like site-packages: it holds installed-distribution metadata or .pth files. */
    static boolean looksLikeSitePackages(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (name.equals("site-packages") || name.equals("dist-packages")) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.endsWith(".dist-info") || n.endsWith(".egg-info") || n.endsWith(".pth"));
        } catch (IOException e) {
            return false;
        }
    }

    RootResult hunt(Path root, String display) throws IOException {
        TreeListing listing = TreeListing.of(root);
        Located at = new Located(display);
        List<Finding> findings = new ArrayList<>();
        List<Distribution> dists = distributions(root, listing, at, findings);
        Map<String, Claim> claims = new TreeMap<>();
        List<Claim> outside = new ArrayList<>();
        for (Distribution d : dists) {
            d.record().ifPresent(r -> r.entries().forEach(e -> {
                Optional<String> rel = inside(e.path());
                if (rel.isPresent()) {
                    claims.putIfAbsent(rel.get(), new Claim(d, e));
                } else {
                    outside.add(new Claim(d, e));
                }
            }));
        }
        Path prefix = environmentOf(root);
        List<HashedFiles.Job> jobs = HashedFiles.jobs(listing,
                rel -> Optional.ofNullable(claims.get(rel)).map(c -> c.entry().algorithm()).orElse(""));
        Map<Claim, String> outsideProblems = new LinkedHashMap<>();
        for (Claim c : outside) {
            Path file = root.resolve(c.entry().path()).normalize();
            Optional<String> problem = outsideProblem(file, prefix);
            if (problem.isPresent()) {
                outsideProblems.put(c, problem.get());
            } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                jobs.add(new HashedFiles.Job(c.entry().path(), file, Files.size(file), c.entry().algorithm()));
            }
        }
        Map<String, HashedFiles.Outcome> hashed = HashedFiles.hash(jobs, settings.maxFileBytes());

        Notes notes = new Notes();
        claims.forEach((rel, c) -> verify(c, rel, listing, hashed.get(rel), at, findings, notes));
        for (Claim c : outside) {
            String problem = outsideProblems.get(c);
            if (problem == null && !hashed.containsKey(c.entry().path())) {
                notes.add(c.owner(), "missing", c.entry(), c.entry().path());
            } else if (problem != null) {
                notes.add(c.owner(), "unverified", c.entry(), c.entry().path() + " (" + problem + ")");
            } else {
                verify(c, c.entry().path(), listing, hashed.get(c.entry().path()), at, findings, notes);
            }
        }
        notes.findings(at, findings);
        unclaimed(listing, dists, claims.keySet(), at, findings);
        startupHooks(root, listing, claims, at, findings);
        ListingNotes.add(listing, hashed, at, findings);

        List<Component> components = new ArrayList<>(dists.stream().map(Distribution::component).toList());
        components.addAll(KnownBadFiles.of(hashed, settings, at, rel -> Optional.ofNullable(claims.get(rel))
                .map(c -> c.owner().component())));
        return new RootResult(display, FORMAT, Ecosystem.PYPI, components, List.of(), findings,
                listing.files().size(), HashedFiles.count(hashed));
    }

    private List<Distribution> distributions(Path root, TreeListing listing, Located at, List<Finding> findings) {
        Set<String> folders = new TreeSet<>();
        for (String rel : listing.files().keySet()) {
            String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
            if (top.endsWith(".dist-info") || top.endsWith(".egg-info")) {
                folders.add(top);
            }
        }
        List<Distribution> out = new ArrayList<>();
        for (String folder : folders) {
            boolean distInfo = folder.endsWith(".dist-info");
            boolean isFile = listing.files().containsKey(folder);
            String metadataRel = isFile ? folder : folder + (distInfo ? "/METADATA" : "/PKG-INFO");
            String metadataText = readOrEmpty(root, listing, metadataRel);
            PythonMetadata meta = PythonMetadata.parse(metadataText, folder);
            Component component = Component.builder(Ecosystem.PYPI, meta.name(), meta.version()).direct(true)
                    .location(at.file(metadataRel, meta.versionLine())).build();
            String recordRel = folder + (distInfo ? "/RECORD" : "/installed-files.txt");
            Optional<RecordFile.Parsed> record = Optional.empty();
            if (!isFile && listing.files().containsKey(recordRel)) {
                String text = readOrEmpty(root, listing, recordRel);
                record = Optional.of(distInfo ? RecordFile.parse(text) : installedFiles(text, folder));
                record.get().malformed().forEach(m -> findings.add(HuntRules.finding(HuntRules.UNVERIFIED,
                        Severity.INFO, component, at.file(recordRel, m.line()), recordRel + " line " + m.line()
                                + ": " + m.why() + "; that row is not verified", "")));
            }
            Set<String> topLevel = new TreeSet<>();
            if (record.isEmpty()) {
                findings.add(HuntRules.finding(HuntRules.UNVERIFIED, Severity.INFO, component, component.location(),
                        component.coordinates() + " has no " + (distInfo ? "RECORD" : "installed-files.txt")
                                + " (a system package manager or an old installer put it there): its files cannot "
                                + "be verified", ""));
                readOrEmpty(root, listing, folder + "/top_level.txt").lines().map(String::strip)
                        .filter(s -> !s.isEmpty()).forEach(topLevel::add);
            }
            // pip and every installer following the specification write INSTALLER; Debian's dh-python does not.
            boolean systemPackaged = distInfo && !listing.files().containsKey(folder + "/INSTALLER");
            out.add(new Distribution(folder, component, recordRel, record, topLevel, systemPackaged));
        }
        return out;
    }

    /** setuptools' installed-files.txt: paths relative to the egg-info folder, no digests. */
    private static RecordFile.Parsed installedFiles(String text, String folder) {
        List<RecordFile.Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                entries.add(new RecordFile.Entry(folder + "/" + lines[i].strip().replace('\\', '/'), "", "", i + 1));
            }
        }
        return new RecordFile.Parsed(entries, List.of());
    }

    private static String readOrEmpty(Path root, TreeListing listing, String rel) {
        if (!listing.files().containsKey(rel)) {
            return "";
        }
        try {
            return TextFiles.read(root.resolve(rel));
        } catch (IOException e) {
            return "";
        }
    }

    /** The row's path relative to the root, when it stays inside; absolute or climbing paths are outside. */
    private static Optional<String> inside(String recordPath) {
        if (recordPath.startsWith("/") || WINDOWS_DRIVE.matcher(recordPath).lookingAt()) {
            return Optional.empty();
        }
        Path p = Path.of("").resolve(recordPath).normalize();
        String s = p.toString().replace('\\', '/');
        return s.startsWith("..") || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * The environment's prefix: {@code PREFIX/lib/pythonX.Y/site-packages}, {@code PREFIX/Lib/site-packages},
     * {@code PREFIX/lib/python3/dist-packages}; else the root itself.
     */
    static Path environmentOf(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        Path lib = abs.getParent();
        if (lib == null || lib.getFileName() == null) {
            return abs;
        }
        if (lib.getFileName().toString().equalsIgnoreCase("Lib") && lib.getParent() != null) {
            return lib.getParent();
        }
        Path libs = lib.getParent();
        if (lib.getFileName().toString().startsWith("python") && libs != null && libs.getFileName() != null
                && libs.getFileName().toString().startsWith("lib") && libs.getParent() != null) {
            return libs.getParent();
        }
        return abs;
    }

    /** Why a file RECORD places outside the root is not read, if it is not. */
    private static Optional<String> outsideProblem(Path file, Path prefix) {
        if (!file.toAbsolutePath().normalize().startsWith(prefix)) {
            return Optional.of("outside the environment " + prefix + ", not read");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (!file.toRealPath().startsWith(prefix.toRealPath())) {
                return Optional.of("a symbolic link leads out of the environment, not followed");
            }
        } catch (IOException e) {
            return Optional.of("cannot resolve: " + e.getMessage());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not a regular file, not read");
        }
        return Optional.empty();
    }

    private static void verify(Claim c, String key, TreeListing listing, HashedFiles.Outcome outcome, Located at,
                               List<Finding> findings, Notes notes) {
        RecordFile.Entry e = c.entry();
        String path = e.path();
        if (outcome == null) {
            if (listing.links().containsKey(key)) {
                notes.add(c.owner(), "unverified", e, path + " (a symbolic link, not followed)");
            } else if (!listing.files().containsKey(key) && !path.endsWith(".pyc")) {
                // A compiled cache may be cleared at any time; Python rewrites it from the verified source.
                notes.add(c.owner(), "missing", e, path);
            }
            return;
        }
        if (!e.hasDigest()) {
            if (!selfOrCompiled(path, c.owner())) {
                notes.add(c.owner(), "unverified", e, path + " (RECORD gives no digest)");
            }
        } else if (!FileDigests.supported(e.algorithm())) {
            notes.add(c.owner(), "unverified", e, path + " (unknown digest algorithm " + e.algorithm() + ")");
        } else if (!outcome.hashed()) {
            notes.add(c.owner(), "unverified", e, path + " (" + outcome.problem() + ")");
        } else if (!outcome.digests().matches(e.digest())) {
            // A system packager strips compiled extensions after building the wheel whose RECORD it ships.
            boolean stripped = c.owner().systemPackaged() && EXTENSION.matcher(path).find();
            findings.add(HuntRules.finding(HuntRules.MODIFIED, stripped ? Severity.WARN : Severity.BLOCK,
                    c.owner().component(), at.file(key, 0), path + " was changed after " + c.owner().label()
                            + " installed it: RECORD line " + e.line() + " gives " + e.algorithm() + "="
                            + e.digest() + ", the file has " + e.algorithm() + "=" + outcome.digests().recorded()
                            + " (sha256:" + outcome.digests().sha256() + ")" + (stripped ? "; a system package "
                            + "manager installed it (no INSTALLER) and may have stripped this compiled module after "
                            + "the build: verify it with the package manager (debsums, rpm -V)" : ""),
                    "compare it with " + c.owner().label() + " as released; reinstall it from a trusted source and "
                            + "treat the environment as compromised until you know who changed it"));
        }
    }

    /** RECORD cannot hold its own digest, signatures of it neither; pip writes .pyc files after the wheel. */
    private static boolean selfOrCompiled(String path, Distribution owner) {
        return path.equals(owner.recordFile()) || path.equals(owner.recordFile() + ".jws")
                || path.equals(owner.recordFile() + ".p7s") || path.endsWith(".pyc")
                || owner.folder().endsWith(".egg-info");
    }

    /** Files nobody claims, one finding per top-level entry; compiled caches of claimed sources are expected. */
    private static void unclaimed(TreeListing listing, List<Distribution> dists, Set<String> claimed, Located at,
                                  List<Finding> findings) {
        Set<String> claimedDirs = new TreeSet<>();
        claimed.forEach(p -> claimedDirs.add(p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : ""));
        Set<String> topLevelNames = new TreeSet<>();
        dists.forEach(d -> topLevelNames.addAll(d.topLevel()));
        Map<String, List<String>> byTop = new TreeMap<>();
        for (String rel : listing.files().keySet()) {
            String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
            // CPython creates site-packages with a README.txt that says what the folder is for.
            if (claimed.contains(rel) || rel.equals("README.txt") || top.endsWith(".dist-info")
                    || top.endsWith(".egg-info")
                    || compiledCache(rel, claimedDirs) || ownedByName(top, topLevelNames)) {
                continue;
            }
            byTop.computeIfAbsent(rel.contains("/") ? top + "/" : top, k -> new ArrayList<>()).add(rel);
        }
        byTop.forEach((top, files) -> findings.add(HuntRules.finding(HuntRules.UNRECORDED, Severity.INFO,
                HuntRules.unowned(top, at.file(top, 0)), at.file(top, 0),
                (files.size() == 1 ? files.get(0) + " is" : top + " holds " + files.size() + " files")
                        + " claimed by no installed package's RECORD"
                        + (files.size() == 1 ? "" : ": " + TextFiles.some(files)),
                "find out what wrote it; remove it if nothing should have")));
    }

    private static boolean compiledCache(String rel, Set<String> claimedDirs) {
        int cache = rel.lastIndexOf("/__pycache__/");
        String dir = rel.startsWith("__pycache__/") ? "" : cache < 0 ? null : rel.substring(0, cache);
        return rel.endsWith(".pyc") && dir != null && claimedDirs.contains(dir);
    }

    /** A distribution without RECORD vouches for nothing, but its top_level.txt names what it installed. */
    private static boolean ownedByName(String top, Set<String> names) {
        return names.stream().anyMatch(n -> top.equals(n) || top.startsWith(n + "."));
    }

    /** Top-level .pth lines that run code, and sitecustomize/usercustomize modules. */
    private static void startupHooks(Path root, TreeListing listing, Map<String, Claim> claims, Located at,
                                     List<Finding> findings) {
        for (String rel : listing.files().keySet()) {
            if (rel.contains("/")) {
                continue;
            }
            Component owner = Optional.ofNullable(claims.get(rel)).map(c -> c.owner().component())
                    .orElseGet(() -> HuntRules.unowned(rel, at.file(rel, 0)));
            if (rel.endsWith(".pth")) {
                pth(root, rel, owner, at, findings);
            } else if (rel.equals("sitecustomize.py") || rel.equals("usercustomize.py")) {
                findings.add(HuntRules.finding(HuntRules.STARTUP_CODE, Severity.WARN, owner, at.file(rel, 1),
                        rel + " runs at every Python start" + ownedBy(owner),
                        "read it; remove it unless you know what installed it and why"));
            }
        }
        listing.links().keySet().stream().filter(rel -> !rel.contains("/") && rel.endsWith(".pth"))
                .forEach(rel -> findings.add(HuntRules.finding(HuntRules.UNVERIFIED, Severity.WARN,
                        HuntRules.unowned(rel, at.file(rel, 0)), at.file(rel, 0), rel + " is a symbolic link to "
                                + listing.links().get(rel) + "; Python reads it at start-up, the hunt does not "
                                + "follow it", "check the file it points to")));
    }

    private static void pth(Path root, String rel, Component owner, Located at, List<Finding> findings) {
        String text;
        try {
            text = TextFiles.read(root.resolve(rel));
        } catch (IOException e) {
            findings.add(HuntRules.finding(HuntRules.UNVERIFIED, Severity.WARN, owner, at.file(rel, 0),
                    rel + " cannot be read (" + e.getMessage() + "); Python runs its import lines at start-up", ""));
            return;
        }
        List<String> runs = new ArrayList<>();
        int first = 0;
        // Python reads .pth files with universal newlines (a lone CR ends a line too) and, from 3.13, drops a BOM.
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            // site.py runs a line that starts with "import" and a space or tab, exactly so; others are path entries.
            String line = lines[i];
            if ((line.startsWith("import ") || line.startsWith("import\t"))
                    && StartupAllowList.toolFor(line).isEmpty()) {
                runs.add("line " + (i + 1) + ": " + abbreviated(line.strip()));
                first = first == 0 ? i + 1 : first;
            }
        }
        if (!runs.isEmpty()) {
            findings.add(HuntRules.finding(HuntRules.STARTUP_CODE, Severity.BLOCK, owner, at.file(rel, first),
                    rel + " runs code at every Python start" + ownedBy(owner) + ": " + String.join("; ", runs),
                    "unless you know this line, remove " + rel + " and treat the machine as compromised (rotate "
                            + "the credentials it holds); a known one can be allowed by a policy exception for "
                            + HuntRules.STARTUP_CODE));
        }
    }

    /** Missing and unverifiable rows, one finding per distribution and kind, at the RECORD row of the first. */
    private static final class Notes {
        private record Key(Distribution owner, String kind) {
        }

        private final Map<Key, List<String>> items = new LinkedHashMap<>();
        private final Map<Key, Integer> firstLine = new LinkedHashMap<>();

        void add(Distribution owner, String kind, RecordFile.Entry entry, String item) {
            Key key = new Key(owner, kind);
            items.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            firstLine.putIfAbsent(key, entry.line());
        }

        void findings(Located at, List<Finding> findings) {
            items.forEach((key, list) -> {
                boolean missing = key.kind().equals("missing");
                boolean one = list.size() == 1;
                String what = missing ? one ? "is missing" : "are missing"
                        : "could not be verified";
                findings.add(HuntRules.finding(missing ? HuntRules.MISSING : HuntRules.UNVERIFIED, Severity.INFO,
                        key.owner().component(), at.file(key.owner().recordFile(), firstLine.get(key)),
                        (one ? "1 file" : list.size() + " files") + " that " + key.owner().label()
                                + "'s RECORD lists " + what + ": " + TextFiles.some(list),
                        missing ? "reinstall " + key.owner().component().name() + " if it should be complete" : ""));
            });
        }
    }

    private static String ownedBy(Component owner) {
        return owner.ecosystem() == Ecosystem.OTHER ? " (no installed package claims it)"
                : " (installed by " + owner.coordinates() + ")";
    }

    private static String abbreviated(String line) {
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }
}
