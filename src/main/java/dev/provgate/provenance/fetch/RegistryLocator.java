// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.Component;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds the registry base URL for a component, first answer wins: the option ({@code --npm-registry},
 * {@code --pypi-url}, {@code --maven-repo}); the lockfile's own URL (npm {@code resolved} tarball, Python index,
 * Maven repository or artifact URL); the user's configuration as each client reads it (npm: the environment's
 * {@code npm_config_@scope:registry} and {@code npm_config_registry}, then the project, user and global
 * {@code .npmrc}, each with its scoped registries first; pip: {@code PIP_INDEX_URL}, pip.conf {@code index-url};
 * Maven: the central mirror in {@code ~/.m2/settings.xml}, else Maven's own default central repository from the
 * super POM). npm and pip have no default here: provgate never spells a public registry's address.
 */
public final class RegistryLocator {
    private final Options options;
    private final UserConfig user;
    private final Supplier<Optional<String>> mavenDefault;

    /** Base URLs given on the command line; empty for those not given. */
    public record Options(Optional<String> npm, Optional<String> pypi, Optional<String> maven) {
        public static Options none() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public RegistryLocator(Options options, UserConfig user) {
        this(options, user, MavenDefaults::central);
    }

    /** With another default Maven repository than the super POM's (tests: a loopback server, or none). */
    public RegistryLocator(Options options, UserConfig user, Supplier<Optional<String>> mavenDefault) {
        this.options = options;
        this.user = user;
        this.mavenDefault = mavenDefault;
    }

    /** The base URL, without a trailing slash, or empty when nothing says where the registry is. */
    public Optional<String> baseFor(Component c) {
        Optional<String> found = switch (c.ecosystem()) {
            case NPM -> first(options::npm, () -> nonEmpty(c.source().registry()), () -> npmFromTarball(c),
                    () -> npmEnvironment(c), () -> npmrc(projectNpmrc(c), c), () -> npmrc(userNpmrc(), c),
                    () -> globalNpmrc().flatMap(f -> npmrc(f, c)));
            case PYPI -> first(options::pypi, () -> nonEmpty(c.source().registry()).map(RegistryLocator::indexRoot),
                    () -> user.variable("PIP_INDEX_URL").map(RegistryLocator::indexRoot), this::pipConf);
            case MAVEN -> first(options::maven, () -> nonEmpty(c.source().registry()), () -> mavenFromArtifact(c),
                    () -> MavenSettings.centralMirror(user.home().resolve(".m2/settings.xml")), mavenDefault);
            case GITHUB_ACTIONS, OTHER -> Optional.<String>empty();
        };
        return found.map(RegistryLocator::checkedBase);
    }

    @SafeVarargs
    private static Optional<String> first(Supplier<Optional<String>>... sources) {
        return Stream.of(sources).map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** {@code BASE/@scope/name/-/name-1.0.0.tgz} (scope slash possibly %2f) gives BASE. */
    static Optional<String> npmFromTarball(Component c) {
        String url = c.source().url();
        List<String> spellings = c.name().startsWith("@")
                ? List.of(c.name(), c.name().replace("/", "%2f"), c.name().replace("/", "%2F"))
                : List.of(c.name());
        for (String name : spellings) {
            int at = url.indexOf("/" + name + "/-/");
            if (at > 0 && url.contains("://")) {
                return Optional.of(url.substring(0, at));
            }
        }
        return Optional.empty();
    }

    /** {@code BASE/org/example/lib/1.0/lib-1.0.jar} gives BASE. */
    static Optional<String> mavenFromArtifact(Component c) {
        int colon = c.name().indexOf(':');
        String path = "/" + c.name().substring(0, colon).replace('.', '/') + "/" + c.name().substring(colon + 1)
                + "/" + c.version() + "/";
        int at = c.source().url().indexOf(path);
        return at > 0 && c.source().url().contains("://") ? Optional.of(c.source().url().substring(0, at))
                : Optional.empty();
    }

    /** A simple index {@code https://host/simple/} serves the JSON and Integrity APIs at {@code https://host/}. */
    static String indexRoot(String indexUrl) {
        String s = indexUrl.strip().replaceAll("/+$", "");
        return s.endsWith("/simple") ? s.substring(0, s.length() - "/simple".length()) : s;
    }

    private static Path projectNpmrc(Component c) {
        Path lockfile = Path.of(c.location().file());
        Path dir = lockfile.getParent() == null ? Path.of(".") : lockfile.getParent();
        return dir.resolve(".npmrc");
    }

    /** What to do when nothing names the registry: the exact fix, said once per ecosystem. */
    public static String fixFor(dev.provgate.model.Ecosystem ecosystem) {
        return switch (ecosystem) {
            case NPM -> "no npm registry configured (npm_config_registry, .npmrc registry=) and the lockfile records "
                    + "none: run `npm config set registry URL`, or pass --npm-registry URL";
            case PYPI -> "no Python index configured (PIP_INDEX_URL, pip.conf index-url) and the lockfile records "
                    + "none: set PIP_INDEX_URL=URL, or pass --pypi-url URL";
            default -> "no Maven repository configured and Maven's default central repository is unknown: pass "
                    + "--maven-repo URL";
        };
    }

    /** npm reads {@code npm_config_*} variables in any case; a scope's registry before the default one. */
    private Optional<String> npmEnvironment(Component c) {
        if (c.name().startsWith("@") && c.name().indexOf('/') > 0) {
            Optional<String> scoped = user.variable("npm_config_" + c.name().substring(0, c.name().indexOf('/'))
                    + ":registry");
            if (scoped.isPresent()) {
                return scoped;
            }
        }
        return user.variable("npm_config_registry");
    }

    /** {@code npm_config_userconfig}, else {@code ~/.npmrc}. */
    private Path userNpmrc() {
        return user.variable("npm_config_userconfig").map(Path::of).orElse(user.home().resolve(".npmrc"));
    }

    /**
     * {@code npm_config_globalconfig}, else {@code PREFIX/etc/npmrc}: the prefix from {@code npm_config_prefix} or
     * {@code PREFIX}, else (as npm derives it from the node binary) the folder above the {@code bin/} that holds
     * {@code node} on the PATH.
     */
    private Optional<Path> globalNpmrc() {
        Optional<String> explicit = user.variable("npm_config_globalconfig");
        if (explicit.isPresent()) {
            return explicit.map(Path::of);
        }
        Optional<Path> prefix = user.variable("npm_config_prefix").or(() -> user.variable("PREFIX")).map(Path::of)
                .or(this::nodePrefix);
        return prefix.map(p -> p.resolve("etc").resolve("npmrc"));
    }

    private Optional<Path> nodePrefix() {
        String path = user.env().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, "node"))) {
                Path bin = Path.of(dir).toAbsolutePath();
                return Optional.ofNullable(bin.getParent());
            }
        }
        return Optional.empty();
    }

    private Optional<String> npmrc(Path file, Component c) {
        return Npmrc.read(file, user).registryFor(c.name());
    }

    private Optional<String> pipConf() {
        for (Path conf : List.of(user.home().resolve(".config/pip/pip.conf"), user.home().resolve(".pip/pip.conf"))) {
            if (Files.isRegularFile(conf)) {
                try {
                    Optional<String> url = Files.readAllLines(conf, StandardCharsets.UTF_8).stream()
                            .map(String::strip).filter(l -> l.matches("index[-_]url\\s*=.*"))
                            .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst();
                    if (url.isPresent()) {
                        return url.map(RegistryLocator::indexRoot);
                    }
                } catch (IOException e) {
                    throw new ProvgateException(conf.toString(), 0, "cannot read: " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    /** http(s) only, no trailing slash; anything else is the user's mistake, named. */
    public static String checkedBase(String url) {
        String s = url.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ProvgateException("not an http(s) registry URL: " + url);
            }
            return s;
        } catch (URISyntaxException e) {
            throw new ProvgateException("not a valid registry URL: " + url + " (" + e.getReason() + ")");
        }
    }
}
