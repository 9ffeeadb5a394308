// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as node-semver orders it: major.minor.patch, then pre-release identifiers (a release sorts
 * after its pre-releases; numeric identifiers sort numerically and before alphanumeric ones; a longer list wins a
 * tie), build metadata ignored for ordering.
 */
public record SemverVersion(long major, long minor, long patch, List<String> prerelease, String build)
        implements Comparable<SemverVersion> {
    /** node-semver refuses numbers above JavaScript's safe integer range. */
    private static final long MAX_SAFE_INTEGER = 9007199254740991L;
    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String IDENTIFIER = "(?:" + NUMBER + "|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final Pattern SEMVER = Pattern.compile("^[v=]?\\s*(" + NUMBER + ")\\.(" + NUMBER + ")\\.("
            + NUMBER + ")(?:-(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    public SemverVersion {
        prerelease = List.copyOf(prerelease);
        build = build == null ? "" : build;
    }

    /** Strict node-semver syntax (a leading {@code v} or {@code =} allowed); empty when it does not parse. */
    public static Optional<SemverVersion> parse(String text) {
        Matcher m = SEMVER.matcher(text.strip());
        if (!m.matches() || m.group(1).length() > 16 || m.group(2).length() > 16 || m.group(3).length() > 16) {
            return Optional.empty();
        }
        long major = Long.parseLong(m.group(1));
        long minor = Long.parseLong(m.group(2));
        long patch = Long.parseLong(m.group(3));
        if (major > MAX_SAFE_INTEGER || minor > MAX_SAFE_INTEGER || patch > MAX_SAFE_INTEGER) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new SemverVersion(major, minor, patch, pre, m.group(5)));
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    @Override
    public int compareTo(SemverVersion o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        return c != 0 ? c : comparePrerelease(prerelease, o.prerelease);
    }

    private static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifiers(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean aNumeric = isNumeric(a);
        boolean bNumeric = isNumeric(b);
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    @Override
    public String toString() {
        String s = major + "." + minor + "." + patch;
        if (!prerelease.isEmpty()) {
            s += "-" + String.join(".", prerelease);
        }
        return build.isEmpty() ? s : s + "+" + build;
    }
}
