// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Purls;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A package pattern as written in a policy: {@code pkg:pypi/litellm}, {@code pkg:npm/@aws-sdk/*},
 * {@code pkg:maven/org.bouncycastle/*}, optionally with an exact version ({@code pkg:pypi/litellm@1.82.6}).
 * {@code *} matches within one path segment, {@code **} across segments. npm scopes may be written {@code @} or
 * {@code %40}; PyPI names are compared PEP 503 normalized; comparison ignores case.
 */
public final class PurlPattern {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9.+-]*");

    private final String text;
    private final String type;
    private final Pattern path;
    private final String version;

    private PurlPattern(String text, String type, Pattern path, String version) {
        this.text = text;
        this.type = type;
        this.path = path;
        this.version = version;
    }

    /**
     * Parses a pattern.
     *
     * @return the pattern, or an explanation of what is wrong with it
     */
    public static Parsed parse(String text) {
        String t = text.strip();
        if (!t.startsWith("pkg:")) {
            return Parsed.error("a package pattern starts with 'pkg:' (for example pkg:npm/@aws-sdk/*)");
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            return Parsed.error("a package pattern needs a type and a name: pkg:TYPE/NAME");
        }
        String type = t.substring(4, slash).toLowerCase(Locale.ROOT);
        if (!TYPE.matcher(type).matches()) {
            return Parsed.error("'" + type + "' is not a purl type (npm, pypi, maven, ...)");
        }
        if (t.indexOf('?') >= 0 || t.indexOf('#') >= 0) {
            return Parsed.error("qualifiers and subpaths (? and #) are not supported in package patterns");
        }
        String rest = t.substring(slash + 1).replace("%40", "@").replace("%2F", "/").replace("%2f", "/");
        int lastSlash = rest.lastIndexOf('/');
        int at = rest.indexOf('@', lastSlash + 2);
        String pathText = at < 0 ? rest : rest.substring(0, at);
        String version = at < 0 ? "" : rest.substring(at + 1);
        if (at >= 0 && version.isEmpty()) {
            return Parsed.error("'@' must be followed by a version");
        }
        Optional<String> problem = checkPath(type, pathText);
        if (problem.isPresent()) {
            return Parsed.error(problem.get());
        }
        String normalized = "pypi".equals(type) ? Purls.normalizePypiName(pathText) : pathText;
        return new Parsed(new PurlPattern(t, type, glob(normalized), version), "");
    }

    private static Optional<String> checkPath(String type, String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            return Optional.of("empty name in package pattern");
        }
        if (path.contains("**")) {
            return Optional.empty();
        }
        int segments = path.split("/", -1).length;
        return switch (type) {
            case "maven" -> segments == 2 ? Optional.empty()
                    : Optional.of("a Maven pattern is pkg:maven/GROUP/ARTIFACT (use * for any artifact)");
            case "pypi" -> segments == 1 ? Optional.empty()
                    : Optional.of("a PyPI pattern is pkg:pypi/NAME");
            case "npm" -> npmPath(path, segments);
            default -> Optional.empty();
        };
    }

    private static Optional<String> npmPath(String path, int segments) {
        if (segments == 1 && path.startsWith("@")) {
            return Optional.of("an npm scope needs a name: pkg:npm/" + path + "/NAME (or /*)");
        }
        if (segments == 2 && !path.startsWith("@") && !path.startsWith("*")) {
            return Optional.of("an npm pattern is pkg:npm/NAME or pkg:npm/@SCOPE/NAME");
        }
        return segments <= 2 ? Optional.empty() : Optional.of("an npm pattern is pkg:npm/NAME or pkg:npm/@SCOPE/NAME");
    }

    private static Pattern glob(String path) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' && i + 1 < path.length() && path.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    public boolean matches(PackageRef ref) {
        return type.equals(ref.type()) && path.matcher(ref.path()).matches()
                && (version.isEmpty() || version.equals(ref.version()));
    }

    /** Matches the package whatever the version in the pattern. */
    public boolean matchesPackage(PackageRef ref) {
        return type.equals(ref.type()) && path.matcher(ref.path()).matches();
    }

    /** The exact version the pattern names, or empty. */
    public String version() {
        return version;
    }

    public String type() {
        return type;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A parsed pattern, or why the text is not one. */
    public record Parsed(PurlPattern pattern, String error) {
        static Parsed error(String message) {
            return new Parsed(null, message);
        }
    }
}
