// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version: parsed leniently as the PEP's normalization rules allow, printed in normal form, ordered by
 * epoch, release (trailing zeros ignored), pre-, post- and dev-release, then local label.
 *
 * @param epoch   the epoch, 0 when absent
 * @param release the release numbers as written (trailing zeros kept for printing)
 * @param preKind {@code a}, {@code b} or {@code rc}, or empty when not a pre-release
 * @param pre     the pre-release number (null when not a pre-release)
 * @param post    the post-release number, or null
 * @param dev     the dev-release number, or null
 * @param local   the local label's segments (BigInteger or lower-case String), empty when absent
 */
public record Pep440Version(BigInteger epoch, List<BigInteger> release, String preKind, BigInteger pre,
                            BigInteger post, BigInteger dev, List<Object> local) implements Comparable<Pep440Version> {
    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?:-(?<postN1>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    public Pep440Version {
        release = List.copyOf(release);
        preKind = preKind == null ? "" : preKind;
        local = List.copyOf(local);
    }

    /** Parses any spelling PEP 440 normalizes (case, separators, implicit numbers, a leading v, white space). */
    public static Optional<Pep440Version> parse(String text) {
        Matcher m = VERSION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        String preKind = m.group("preL") == null ? "" : preKind(m.group("preL"));
        BigInteger pre = preKind.isEmpty() ? null : number(m.group("preN"));
        BigInteger post = m.group("postN1") != null ? new BigInteger(m.group("postN1"))
                : m.group("postL") != null ? number(m.group("postN2")) : null;
        BigInteger dev = m.group("devL") != null ? number(m.group("devN")) : null;
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        return Optional.of(new Pep440Version(epoch, release, preKind, pre, post, dev, localSegments(m.group("local"))));
    }

    private static String preKind(String label) {
        return switch (label) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
        };
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static List<Object> localSegments(String local) {
        List<Object> segments = new ArrayList<>();
        if (local != null) {
            for (String part : local.split("[-_.]")) {
                segments.add(part.chars().allMatch(Character::isDigit) ? new BigInteger(part) : part);
            }
        }
        return segments;
    }

    public boolean isPrerelease() {
        return pre != null || dev != null;
    }

    public boolean isPostrelease() {
        return post != null;
    }

    public boolean hasLocal() {
        return !local.isEmpty();
    }

    /** Epoch and release only: {@code 1!2.0rc1.post3+x} gives {@code 1!2.0}. */
    public Pep440Version baseVersion() {
        return new Pep440Version(epoch, release, "", null, null, null, List.of());
    }

    /** Without the local label. */
    public Pep440Version publicVersion() {
        return new Pep440Version(epoch, release, preKind, pre, post, dev, List.of());
    }

    /** The local label in normal form ({@code ubuntu.1}), empty when absent. */
    public String localLabel() {
        return String.join(".", local.stream().map(Object::toString).toList());
    }

    /** The normal form, e.g. {@code 1.0a1}, {@code 1.0.post1}, {@code 1!2.0.dev0+ubuntu.1}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (epoch.signum() != 0) {
            s.append(epoch).append('!');
        }
        s.append(String.join(".", release.stream().map(BigInteger::toString).toList()));
        if (pre != null) {
            s.append(preKind).append(pre);
        }
        if (post != null) {
            s.append(".post").append(post);
        }
        if (dev != null) {
            s.append(".dev").append(dev);
        }
        if (hasLocal()) {
            s.append('+').append(localLabel());
        }
        return s.toString();
    }

    @Override
    public int compareTo(Pep440Version o) {
        int c = epoch.compareTo(o.epoch);
        if (c == 0) {
            c = compareRelease(release, o.release);
        }
        if (c == 0) {
            c = Integer.compare(preRank(), o.preRank());
        }
        if (c == 0 && pre != null) {
            c = pre.compareTo(o.pre);
        }
        if (c == 0) {
            c = compareMissingFirst(post, o.post);
        }
        if (c == 0) {
            c = -compareMissingFirst(dev == null ? null : dev.negate(), o.dev == null ? null : o.dev.negate());
        }
        return c != 0 ? c : compareLocal(local, o.local);
    }

    /** A dev release of a final release sorts before its pre-releases; a final release after them. */
    private int preRank() {
        if (pre == null) {
            return post == null && dev != null ? 0 : 4;
        }
        return switch (preKind) {
            case "a" -> 1;
            case "b" -> 2;
            default -> 3;
        };
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareMissingFirst(BigInteger a, BigInteger b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        return a.compareTo(b);
    }

    /** No label sorts first; numeric segments sort after alphanumeric ones; a longer label wins a tie. */
    private static int compareLocal(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger xi && y instanceof BigInteger yi) {
                c = xi.compareTo(yi);
            } else if (x instanceof BigInteger || y instanceof BigInteger) {
                c = x instanceof BigInteger ? 1 : -1;
            } else {
                c = ((String) x).compareTo((String) y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
