// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.CachingNetwork;
import dev.provgate.provenance.fetch.HttpNetwork;
import dev.provgate.provenance.fetch.Network;
import dev.provgate.provenance.fetch.OfflineNetwork;
import dev.provgate.provenance.fetch.RegistryLocator;
import dev.provgate.provenance.fetch.UserConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Network use: the HTTP cache, the timeout and the registry base URLs (mirrors). {@code --offline} and
 * {@code --maven-repo} are the Maven options' own, so one switch governs pom.xml resolution and fetching alike.
 */
public final class NetworkOptions {
    @Mixin
    MavenOptions maven;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "HTTP cache folder (default: $XDG_CACHE_HOME/provgate/http or ~/.cache/provgate/http).")
    Path cacheDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect and request timeout per attempt (default: ${DEFAULT-VALUE}); "
                    + "timeouts, 429 and 5xx are retried twice with backoff.")
    int timeoutSeconds;

    @Option(names = "--npm-registry", paramLabel = "URL",
            description = "npm registry base URL; overrides the lockfile's resolved URLs and .npmrc.")
    String npmRegistry;

    @Option(names = "--pypi-url", paramLabel = "URL",
            description = "Python package index base URL (the JSON and Integrity APIs live under it); "
                    + "an index URL ending in /simple is accepted.")
    String pypiUrl;

    public boolean offline() {
        return maven.offline;
    }

    public MavenOptions maven() {
        return maven;
    }

    /** These options as given, in command-line form: {@code init --fetch} hands them to the fetch it runs. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(maven.arguments());
        if (cacheDir != null) {
            args.addAll(List.of("--cache-dir", cacheDir.toString()));
        }
        args.addAll(List.of("--timeout", Integer.toString(timeoutSeconds)));
        if (npmRegistry != null) {
            args.addAll(List.of("--npm-registry", npmRegistry));
        }
        if (pypiUrl != null) {
            args.addAll(List.of("--pypi-url", pypiUrl));
        }
        return args;
    }

    /**
     * The network to use, behind the on-disk cache. With {@code --offline} no HTTP client is created: the cache
     * answers what it holds and anything else fails with "network disabled by --offline".
     */
    public Network network(UserConfig user) {
        if (timeoutSeconds <= 0) {
            throw new ProvgateException("--timeout must be a positive number of seconds, got " + timeoutSeconds);
        }
        Network direct = offline() ? new OfflineNetwork()
                : new HttpNetwork(HttpNetwork.Settings.withTimeout(Duration.ofSeconds(timeoutSeconds)));
        return new CachingNetwork(direct, cacheDir(user), CachingNetwork.DEFAULT_TTL, Clock.systemUTC());
    }

    public Path cacheDir(UserConfig user) {
        if (cacheDir != null) {
            return cacheDir;
        }
        Path base = user.variable("XDG_CACHE_HOME").map(Path::of).orElse(user.home().resolve(".cache"));
        return base.resolve("provgate").resolve("http");
    }

    /** The base URLs given as options, checked to be http(s) URLs. */
    public RegistryLocator.Options registries() {
        return new RegistryLocator.Options(checked(npmRegistry), checked(pypiUrl), checked(maven.remoteRepository));
    }

    private static Optional<String> checked(String url) {
        return Optional.ofNullable(url).map(RegistryLocator::checkedBase);
    }
}
