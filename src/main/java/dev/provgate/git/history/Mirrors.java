// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.UserConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FileUtils;

/**
 * The cache of bare mirrors clone URLs are fetched into ({@code $XDG_CACHE_HOME/provgate/mirrors}, else
 * {@code ~/.cache/provgate/mirrors}): one folder per repository id, named after the repository with a hash of the
 * id so two hosts' {@code app} repositories never share one. JGit clones and fetches, no git process.
 *
 * <p>A clone goes to a temporary folder and is renamed into place when complete, so an interrupted clone leaves no
 * half mirror. A fetch updates every ref ({@code +refs/*:refs/*}) and drops refs deleted upstream; what the store
 * learnt from a deleted branch stays in the store. Credentials in a URL ({@code https://user:token@host/...}) are
 * used for the transfer but never written to the mirror's configuration.
 */
public final class Mirrors {
    private static final String ALL_REFS = "+refs/*:refs/*";
    private final Path cache;

    public Mirrors(Path cache) {
        this.cache = cache;
    }

    public static Path defaultCache(UserConfig user) {
        Path base = user.variable("XDG_CACHE_HOME").map(Path::of).orElse(user.home().resolve(".cache"));
        return base.resolve("provgate").resolve("mirrors");
    }

    public Path cache() {
        return cache;
    }

    /** The mirror folder of the repository with this id (whether or not it exists yet). */
    public Path mirrorOf(String id) {
        String last = id.substring(id.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return cache.resolve((last.isEmpty() ? "repository" : last) + "-" + shortHash(id) + ".git");
    }

    /** Whether the repository with this id was mirrored before (usable with {@code --offline}). */
    public boolean has(String id) {
        return Files.isDirectory(mirrorOf(id).resolve("objects"));
    }

    /** Clones {@code url} into the cache, or fetches it when mirrored before; returns the mirror folder. */
    public Path update(String url, String id) {
        Path mirror = mirrorOf(id);
        String printable = CloneUrls.withoutCredentials(url);
        try {
            if (has(id)) {
                try (Git git = Git.open(mirror.toFile())) {
                    call(git.fetch().setRemote(printable).setRefSpecs(ALL_REFS).setRemoveDeletedRefs(true), url);
                }
            } else {
                clone(url, printable, mirror);
            }
            return mirror;
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof ProvgateException p) {
                throw p;
            }
            String cause = oneLine(e);
            cause = cause.startsWith(printable + ": ") ? cause.substring(printable.length() + 2) : cause;
            throw new ProvgateException(printable, 0, (has(id) ? "cannot fetch: " : "cannot clone: ") + cause, e);
        }
    }

    private void clone(String url, String printable, Path mirror) throws GitAPIException, IOException {
        Files.createDirectories(cache);
        Path partial = Files.createTempDirectory(cache, ".partial-");
        try {
            call(Git.cloneRepository().setURI(printable).setMirror(true)
                    .setDirectory(partial.toFile()), url).close();
            try {
                Files.move(partial, mirror, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, mirror);
            }
        } finally {
            if (Files.exists(partial)) {
                FileUtils.delete(partial.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            }
        }
    }

    /** Runs a JGit transfer with the credentials the URL carries, if any. */
    private static <C extends TransportCommand<C, T>, T> T call(C command, String url) throws GitAPIException {
        CredentialsProvider credentials = credentials(url);
        if (credentials != null) {
            command.setCredentialsProvider(credentials);
        }
        return command.call();
    }

    private static CredentialsProvider credentials(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("http")) {
            return null;
        }
        String userInfo = URI.create(url).getRawUserInfo();
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return new UsernamePasswordCredentialsProvider(user, password);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private static String shortHash(String id) {
        return HexFormat.of().formatHex(Shards.sha256(id), 0, 6);
    }
}
