// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.model.Printable;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Coordinates from a POM are hostile input, and the resolver derives local-repository paths (and lock names) from
 * them: they are checked before anything is resolved. Group and artifact ids use Maven's own id characters (and
 * those of an unresolved {@code ${property}}, which Maven reports better);
 * versions, classifiers and types may not hold a path separator, {@code ..}, a control character or the characters
 * Maven bans in versions; each is at most {@value #MAX_LENGTH} characters, so no derived file name is too long.
 */
final class SafeCoordinates {
    static final int MAX_LENGTH = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-${}]+");
    private static final Pattern BANNED = Pattern.compile("[/\\\\:\"<>|?*\\p{Cntrl}]");

    private SafeCoordinates() {
    }

    /** Why these coordinates are refused, or empty when they are safe. Null or blank parts are left to Maven. */
    static Optional<String> problem(String groupId, String artifactId, String version, String classifier,
                                    String extension) {
        return firstOf(id("groupId", groupId), id("artifactId", artifactId), part("version", version),
                part("classifier", classifier), part("type", extension));
    }

    /** As {@link #problem}, thrown: for the resolver's hooks, which report an IllegalArgumentException. */
    static void require(String groupId, String artifactId, String version, String classifier, String extension) {
        problem(groupId, artifactId, version, classifier, extension).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    private static Optional<String> id(String what, String value) {
        return check(what, value, v -> ID.matcher(v).matches() ? null
                : "only letters, digits, '_', '-' and '.' are allowed");
    }

    private static Optional<String> part(String what, String value) {
        return check(what, value, v -> BANNED.matcher(v).find()
                ? "path separators, control characters and \\ / : \" < > | ? * are not allowed" : null);
    }

    /** Length and {@code ..} first, then the part's own rule, which names what is wrong or returns null. */
    private static Optional<String> check(String what, String value, UnaryOperator<String> rule) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> common = common(what, value);
        if (common.isPresent()) {
            return common;
        }
        String wrong = rule.apply(value);
        return wrong == null ? Optional.empty()
                : Optional.of("unsafe " + what + " '" + Printable.excerpt(value) + "': " + wrong);
    }

    private static Optional<String> common(String what, String value) {
        if (value.length() > MAX_LENGTH) {
            return Optional.of("unsafe " + what + " of " + value.length() + " characters (at most " + MAX_LENGTH
                    + "): '" + Printable.excerpt(value) + "'");
        }
        if (value.contains("..")) {
            return Optional.of("unsafe " + what + " '" + Printable.excerpt(value) + "': '..' is not allowed");
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> firstOf(Optional<String>... problems) {
        for (Optional<String> p : problems) {
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }
}
