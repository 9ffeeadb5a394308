// SPDX-License-Identifier: Apache-2.0
package dev.provgate.git.history;

import dev.provgate.model.ProvgateException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises clone URLs among SOURCE arguments and gives each repository one identity, however it was spelled. */
public final class CloneUrls {
    private static final Pattern SCHEME = Pattern.compile("(?i)(https?|ssh|git|file)://.*");
    /** git's scp-like form {@code [user@]host:path}; a single letter before the colon is a Windows drive. */
    private static final Pattern SCP = Pattern.compile("(?:[^@/:]+@)?([^@/:]{2,}):(?!//)(.+)");

    private CloneUrls() {
    }

    /** Whether {@code source} is a clone URL rather than a path. */
    public static boolean isUrl(String source) {
        return SCHEME.matcher(source).matches() || (SCP.matcher(source).matches() && source.contains("@"));
    }

    /**
     * The repository's identity: {@code host[:port]/path} for a network URL (the same for https, ssh and the
     * scp-like form, so one repository reached two ways is scanned once), the real path for a {@code file:} URL
     * (equal to the id of the same repository named by its path); lower-case host, no user or password, no
     * default port, no trailing {@code /} or {@code .git}.
     */
    public static String id(String url) {
        Optional<Path> file = filePath(url);
        if (file.isPresent()) {
            return file.get().toString();
        }
        String host;
        int port;
        String path;
        Matcher scp = SCP.matcher(url);
        if (!SCHEME.matcher(url).matches() && scp.matches()) {
            host = scp.group(1);
            port = -1;
            path = scp.group(2);
        } else {
            URI uri = parse(url);
            host = uri.getHost();
            port = uri.getPort() == defaultPort(uri.getScheme()) ? -1 : uri.getPort();
            path = uri.getPath();
        }
        String trimmed = trimPath(path);
        return host.toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + (trimmed.isEmpty() ? "" : "/" + trimmed);
    }

    /** The URL as it may be printed and stored: user name and password removed. */
    public static String withoutCredentials(String url) {
        if (!SCHEME.matcher(url).matches()) {
            return url;
        }
        return url.replaceFirst("^([A-Za-z]+://)[^/@]*@", "$1");
    }

    /** Whether the URL carries a password (user:password@host), which must never reach logs or the store. */
    public static boolean hasPassword(String url) {
        return SCHEME.matcher(url).matches() && url.matches("^[A-Za-z]+://[^/@]*:[^/@]*@.*");
    }

    /** The local path a {@code file:} URL names, made absolute and real where it exists. */
    static Optional<Path> filePath(String url) {
        if (!url.regionMatches(true, 0, "file://", 0, 7)) {
            return Optional.empty();
        }
        Path path = Path.of(parse(url)).toAbsolutePath().normalize();
        try {
            return Optional.of(path.toRealPath());
        } catch (java.io.IOException e) {
            return Optional.of(path);
        }
    }

    private static String trimPath(String path) {
        String p = path == null ? "" : path;
        boolean changed = true;
        while (changed) {
            String before = p;
            p = p.replaceAll("^/+|/+$", "");
            if (p.endsWith(".git")) {
                p = p.substring(0, p.length() - 4);
            }
            changed = !p.equals(before);
        }
        return p.replaceAll("/{2,}", "/");
    }

    private static int defaultPort(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            case "ssh" -> 22;
            case "git" -> 9418;
            default -> -2;
        };
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (!"file".equalsIgnoreCase(uri.getScheme()) && uri.getHost() == null) {
                throw new ProvgateException(withoutCredentials(url), 0, "not a clone URL: no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ProvgateException(withoutCredentials(url), 0, "not a valid clone URL: " + e.getReason(), e);
        }
    }
}
