// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.model.ProvgateException;
import dev.provgate.provenance.fetch.UserConfig;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.transport.NetRCCredentialsProvider;
import org.eclipse.jgit.util.FileUtils;

/**
 * The cache of bare mirrors clone URLs are fetched into ({@code $XDG_CACHE_HOME/provgate/mirrors}, else
 * {@code ~/.cache/provgate/mirrors}): one folder per repository id, named after the repository with a hash of the
 * id so two hosts' {@code app} repositories never share one. JGit clones and fetches, no git process.
 *
 * <p>A clone goes to a temporary folder and is renamed into place when complete, so an interrupted clone leaves no
 * half mirror. A fetch updates every ref ({@code +refs/*:refs/*}) and drops refs deleted upstream; what the store
 * learnt from a deleted branch stays in the store. Credentials for https come from {@code ~/.netrc} (or the
 * file {@code NETRC} names), never from the URL, which is printed and stored.
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
        String last = id.substring(id.lastIndexOf('/') + 1).replaceFirst("\\.git$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
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
                    call(git.fetch().setRemote(printable).setRefSpecs(ALL_REFS).setRemoveDeletedRefs(true));
                }
            } else {
                clone(printable, mirror);
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

    private void clone(String printable, Path mirror) throws GitAPIException, IOException {
        Files.createDirectories(cache);
        Path partial = Files.createTempDirectory(cache, ".partial-");
        try {
            call(Git.cloneRepository().setURI(printable).setMirror(true)
                    .setDirectory(partial.toFile())).close();
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

    /** Runs a JGit transfer; https credentials come from ~/.netrc (or $NETRC), as curl and git's helpers read it. */
    private static <C extends TransportCommand<C, T>, T> T call(C command) throws GitAPIException {
        return command.setCredentialsProvider(new NetRCCredentialsProvider()).call();
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof NoRemoteRepositoryException) {
            return "no repository at this URL";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + t.getMessage();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private static String shortHash(String id) {
        return HexFormat.of().formatHex(Shards.sha256(id), 0, 6);
    }
}
