// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code provgate hunt} looks when given no PATH, found from the environment and the file system alone (no
 * interpreter is run): the active virtual or conda environment ({@code VIRTUAL_ENV}, {@code CONDA_PREFIX}), else
 * the first {@code python3} on {@code PATH} (its venv, the version a pyenv shim would pick, or its prefix's
 * site-packages and Debian's dist-packages),
 * the user site ({@code PYTHONUSERBASE}, {@code ~/.local}, macOS's {@code ~/Library/Python},
 * {@code %APPDATA%/Python}) for every Python version found there, and {@code node_modules} in the current folder.
 * Only folders that exist are returned.
 *
 * @param env  the environment variables
 * @param home the user's home folder
 * @param cwd  the current folder
 */
public record DefaultRoots(Map<String, String> env, Path home, Path cwd) {
    private static final Pattern VERSIONED = Pattern.compile("python(\\d+\\.\\d+)(\\.exe)?");

    public List<HuntTarget> targets() {
        Map<Path, HuntTarget> out = new LinkedHashMap<>();
        List<HuntTarget> active = new ArrayList<>();
        for (String variable : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
            variable(variable).ifPresent(prefix -> active.addAll(prefixSites(prefix)));
        }
        if (active.isEmpty()) {
            active.addAll(firstPythonOnPath());
        }
        active.forEach(t -> out.putIfAbsent(t.path(), t));
        userSites().forEach(t -> out.putIfAbsent(t.path(), t));
        Path nodeModules = cwd.resolve("node_modules");
        if (Files.isDirectory(nodeModules, LinkOption.NOFOLLOW_LINKS)) {
            out.putIfAbsent(nodeModules, target(nodeModules, HuntTarget.Kind.NODE_MODULES));
        }
        return List.copyOf(out.values());
    }

    private Optional<Path> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank()).map(Path::of);
    }

    /** A prefix's site-packages: a venv's, or lib/pythonX.Y/site-packages and Lib/site-packages. */
    private static List<HuntTarget> prefixSites(Path prefix) {
        List<HuntTarget> venv = HuntTarget.sitePackagesOfVenv(prefix, prefix.toString());
        if (!venv.isEmpty()) {
            return venv;
        }
        List<HuntTarget> out = new ArrayList<>();
        for (Path python : HuntTarget.children(prefix.resolve("lib"))) {
            existing(python.resolve("site-packages")).ifPresent(out::add);
        }
        existing(prefix.resolve("Lib").resolve("site-packages")).ifPresent(out::add);
        return out;
    }

    /** The interpreter a bare {@code python3} would start: its venv, or its prefix's folders. */
    private List<HuntTarget> firstPythonOnPath() {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String exe : List.of("python3", "python3.exe", "python.exe")) {
                Path candidate = Path.of(dir).resolve(exe);
                if (Files.isRegularFile(candidate)) {
                    Optional<Path> pyenv = pyenvPrefix(candidate);
                    if (pyenv.isPresent()) {
                        return prefixSites(pyenv.get());
                    }
                    return sitesOf(candidate);
                }
            }
        }
        return List.of();
    }

    /**
     * pyenv's shims are scripts that pick the interpreter: the version is PYENV_VERSION, else the nearest
     * .python-version from the current folder up, else PYENV_ROOT/version; "system" means the next python3 on PATH.
     */
    private Optional<Path> pyenvPrefix(Path shim) {
        Path shims = shim.toAbsolutePath().getParent();
        Path root = shims.getParent();
        if (!shims.getFileName().toString().equals("shims") || root == null
                || !Files.isDirectory(root.resolve("versions"))) {
            return Optional.empty();
        }
        Optional<String> version = variable("PYENV_VERSION").map(Path::toString)
                .or(() -> versionFile(cwd.toAbsolutePath()))
                .or(() -> firstLine(root.resolve("version")));
        return version.map(v -> v.split(":")[0].strip()).filter(v -> !v.isEmpty() && !v.equals("system"))
                .map(v -> root.resolve("versions").resolve(v));
    }

    private static Optional<String> versionFile(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Optional<String> v = firstLine(d.resolve(".python-version"));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstLine(Path file) {
        try {
            return Files.isRegularFile(file) ? TextFiles.read(file).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst() : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<HuntTarget> sitesOf(Path interpreter) {
        Path bin = interpreter.toAbsolutePath().getParent();
        List<HuntTarget> venv = bin.getParent() == null ? List.of()
                : HuntTarget.sitePackagesOfVenv(bin.getParent(), bin.getParent().toString());
        if (!venv.isEmpty()) {
            return venv;
        }
        Path real;
        try {
            real = interpreter.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        Path prefix = real.getParent().getParent();
        if (prefix == null) {
            return List.of();
        }
        Matcher m = VERSIONED.matcher(real.getFileName().toString());
        List<HuntTarget> out = new ArrayList<>(prefixSites(prefix));
        if (m.matches()) {
            String version = m.group(1);
            existing(prefix.resolve("local/lib/python" + version + "/dist-packages")).ifPresent(out::add);
            existing(prefix.resolve("lib/python" + version + "/dist-packages")).ifPresent(out::add);
        }
        existing(prefix.resolve("lib/python3/dist-packages")).ifPresent(out::add);
        return out;
    }

    private List<HuntTarget> userSites() {
        List<HuntTarget> out = new ArrayList<>();
        Optional<Path> base = variable("PYTHONUSERBASE");
        List<Path> bases = base.map(List::of).orElseGet(() -> new ArrayList<>(List.of(home.resolve(".local"))));
        if (base.isEmpty()) {
            HuntTarget.children(home.resolve("Library/Python")).forEach(bases::add);
            variable("APPDATA").ifPresent(appData -> HuntTarget.children(appData.resolve("Python")).forEach(bases::add));
        }
        for (Path b : bases) {
            for (Path python : HuntTarget.children(b.resolve("lib"))) {
                existing(python.resolve("site-packages")).ifPresent(out::add);
            }
            existing(b.resolve("lib/python/site-packages")).ifPresent(out::add);
            existing(b.resolve("site-packages")).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<HuntTarget> existing(Path sitePackages) {
        return Files.isDirectory(sitePackages, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(target(sitePackages, HuntTarget.Kind.SITE_PACKAGES)) : Optional.empty();
    }

    private static HuntTarget target(Path path, HuntTarget.Kind kind) {
        return new HuntTarget(path, path.toAbsolutePath().normalize().toString().replace('\\', '/'), kind);
    }
}
