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
 * Maven repository or artifact URL); the user's configuration (npm: {@code npm_config_registry}, the lockfile
 * folder's {@code .npmrc}, {@code ~/.npmrc}; pip: {@code PIP_INDEX_URL}, pip.conf {@code index-url}; Maven: the
 * central mirror in {@code ~/.m2/settings.xml}). No public registry is ever assumed.
 */
public final class RegistryLocator {
    private final Options options;
    private final UserConfig user;

    /** Base URLs given on the command line; empty for those not given. */
    public record Options(Optional<String> npm, Optional<String> pypi, Optional<String> maven) {
        public static Options none() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public RegistryLocator(Options options, UserConfig user) {
        this.options = options;
        this.user = user;
    }

    /** The base URL, without a trailing slash, or empty when nothing says where the registry is. */
    public Optional<String> baseFor(Component c) {
        Optional<String> found = switch (c.ecosystem()) {
            case NPM -> first(options::npm, () -> nonEmpty(c.source().registry()), () -> npmFromTarball(c),
                    () -> user.variable("npm_config_registry"), () -> npmrc(projectNpmrc(c), c),
                    () -> npmrc(user.home().resolve(".npmrc"), c));
            case PYPI -> first(options::pypi, () -> nonEmpty(c.source().registry()).map(RegistryLocator::indexRoot),
                    () -> user.variable("PIP_INDEX_URL").map(RegistryLocator::indexRoot), this::pipConf);
            case MAVEN -> first(options::maven, () -> nonEmpty(c.source().registry()), () -> mavenFromArtifact(c),
                    () -> MavenSettings.centralMirror(user.home().resolve(".m2/settings.xml")));
            case GITHUB_ACTIONS, OTHER -> Optional.<String>empty();
        };
        return found.map(RegistryLocator::checkedBase);
    }

    /** The option that would have told: for the "no registry URL" message. */
    public static String optionFor(Component c) {
        return switch (c.ecosystem()) {
            case NPM -> "--npm-registry";
            case PYPI -> "--pypi-url";
            default -> "--maven-repo";
        };
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
