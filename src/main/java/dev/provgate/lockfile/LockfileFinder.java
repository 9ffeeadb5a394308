// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile;

import dev.provgate.model.InputFiles;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The discover stage on a file system: finds lockfiles under paths and reads their bytes. */
public final class LockfileFinder {
    /** Folders that hold installed or generated files, never the project's own lockfiles. */
    private static final Set<String> SKIPPED_DIRS =
            Set.of("node_modules", ".git", "target", "build", "dist", ".venv", "venv", "__pycache__", ".tox",
                    ".gradle", ".yarn", ".pnpm-store");
    /** Larger files are refused rather than read: no real lockfile comes near it. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final List<LockfileParser> parsers;
    private final long maxFileBytes;

    /** Whether a folder of this name is skipped when searching for lockfiles (git trees use the same rule). */
    public static boolean isSkippedDirectory(String name) {
        return SKIPPED_DIRS.contains(name);
    }

    public LockfileFinder(List<LockfileParser> parsers) {
        this(parsers, MAX_FILE_BYTES);
    }

    LockfileFinder(List<LockfileParser> parsers, long maxFileBytes) {
        this.parsers = List.copyOf(parsers);
        this.maxFileBytes = maxFileBytes;
    }

    public LockfileFinder() {
        this(LockfileParsers.all());
    }

    /** A lockfile found on disk, the parser that claims it, and the size beyond which it is refused unread. */
    public record Found(Path file, String displayPath, LockfileParser parser, long maxBytes) {
        public LockfileSource read() {
            try {
                return new LockfileSource(displayPath, InputFiles.read(file, displayPath, maxBytes), file.toString());
            } catch (IOException e) {
                throw new ProvgateException(displayPath, 0, "cannot read: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Lockfiles under each path, sorted by display path. A path that is a file must be of a known format; a
     * missing path is an input error.
     */
    public List<Found> find(List<Path> roots) {
        List<Found> found = new ArrayList<>();
        for (Path root : roots) {
            Optional<Found> named = namedFormat(root);
            if (named.isPresent()) {
                found.add(named.get());
                continue;
            }
            if (!Files.exists(root)) {
                throw new ProvgateException(display(root), 0, "no such file or directory");
            }
            if (!Files.isDirectory(root)) {
                // A FIFO or device named on the command line is refused when read, not silently skipped.
                found.add(explicitFile(root));
            } else {
                walk(root, found);
            }
        }
        found.sort(Comparator.comparing(Found::displayPath));
        return dropSuperseded(distinct(found));
    }

    private Found explicitFile(Path file) {
        String shown = display(file);
        LockfileParser parser = parsers.stream().filter(p -> p.accepts(shown)).findFirst()
                .orElseThrow(() -> new ProvgateException(shown, 0, "not a lockfile or SBOM name provgate knows; "
                        + "name its format as FORMAT:" + shown + " (formats: 'provgate inventory --help')"));
        return new Found(file, shown, parser, maxFileBytes);
    }

    /**
     * {@code FORMAT:FILE} (OSV-Scanner's "parse as"): a lockfile under another name, read as FORMAT, which is a
     * format name ({@code python/poetry-lock}) or the file name that format goes by ({@code poetry.lock}). Only
     * when no file has the whole argument as its name; the content must still be of that format.
     */
    private Optional<Found> namedFormat(Path argument) {
        Optional<LockfileParser> parser = namedFormat(argument, parsers);
        if (parser.isEmpty()) {
            return Optional.empty();
        }
        String text = argument.toString();
        Path file = Path.of(text.substring(text.indexOf(':') + 1));
        if (!Files.isRegularFile(file)) {
            throw new ProvgateException(display(file), 0, "no such file");
        }
        return Optional.of(new Found(file, display(file), parser.get(), maxFileBytes));
    }

    /** The parser an argument names as {@code FORMAT:FILE}, if it is one (and not a file of that whole name). */
    public static Optional<LockfileParser> namedFormat(Path argument, List<LockfileParser> parsers) {
        String text = argument.toString();
        int colon = text.indexOf(':');
        if (colon <= 0 || Files.exists(argument)) {
            return Optional.empty();
        }
        String format = text.substring(0, colon);
        return parsers.stream().filter(p -> p.name().equals(format) || p.accepts(format)).findFirst();
    }

    private void walk(Path root, List<Found> found) {
        Path tree = workTree(root);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        String shown = display(file);
                        parsers.stream().filter(p -> p.accepts(shown)).findFirst()
                                .ifPresent(p -> found.add(new Found(attrs.isSymbolicLink()
                                        ? linkTarget(file, shown, tree) : file, shown, p, maxFileBytes)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new ProvgateException(display(file), 0, "cannot read: " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file a symbolic link with a lockfile's name leads to: read under the link's name when it stays inside the
     * work tree (the git repository around the scan root, else the scan root); anything else is an input error.
     */
    private static Path linkTarget(Path link, String shown, Path tree) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            throw new ProvgateException(shown, 0, "symbolic link to " + readLink(link) + ", which does not exist");
        }
        if (!target.startsWith(tree)) {
            throw new ProvgateException(shown, 0, "symbolic link to " + readLink(link) + " leaves the work tree ("
                    + tree + "); provgate reads lockfiles only inside it");
        }
        if (!Files.isRegularFile(target)) {
            throw new ProvgateException(shown, 0, "symbolic link to " + readLink(link) + ", which is not a file");
        }
        return target;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The real path of the git work tree around {@code root}, else of {@code root} itself. */
    private static Path workTree(Path root) {
        Path start = real(root.toAbsolutePath().normalize());
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return start;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static List<Found> distinct(List<Found> found) {
        Set<Path> seen = new HashSet<>();
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            if (seen.add(real(f.file().toAbsolutePath().normalize()))) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<Found> dropSuperseded(List<Found> found) {
        return found.stream().filter(f -> f.parser().supersededBy().stream()
                .noneMatch(name -> Files.isRegularFile(f.file().resolveSibling(name)))).toList();
    }

    /** The path as the user wrote it, with forward slashes and without a leading "./". */
    static String display(Path path) {
        String s = path.normalize().toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
