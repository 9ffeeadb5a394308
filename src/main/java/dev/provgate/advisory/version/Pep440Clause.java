// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version clause, e.g. {@code >=1.0}, {@code ==1.1.*}, {@code ~=2.2}, {@code ===foobar}.
 *
 * @param operator the comparison operator
 * @param version  the version as written after the operator (without white space)
 */
public record Pep440Clause(String operator, String version) {
    private static final Pattern CLAUSE = Pattern.compile("\\s*(~=|===|==|!=|<=|>=|<|>)\\s*(\\S+)\\s*");

    /** Parses one clause; empty when the operator or the version is not valid for it. */
    public static Optional<Pep440Clause> parse(String text) {
        Matcher m = CLAUSE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Pep440Clause clause = new Pep440Clause(m.group(1), m.group(2));
        return clause.isWellFormed() ? Optional.of(clause) : Optional.empty();
    }

    private boolean isWellFormed() {
        if (operator.equals("===")) {
            return true;
        }
        if (isWildcard()) {
            return (operator.equals("==") || operator.equals("!="))
                    && prefix().filter(p -> p.toString().equals(p.baseVersion().toString())).isPresent();
        }
        Optional<Pep440Version> v = Pep440Version.parse(version);
        if (v.isEmpty()) {
            return false;
        }
        return switch (operator) {
            case "==", "!=" -> true;
            case "~=" -> !v.get().hasLocal() && v.get().release().size() >= 2;
            default -> !v.get().hasLocal();
        };
    }

    private boolean isWildcard() {
        return version.endsWith(".*");
    }

    private Optional<Pep440Version> prefix() {
        return Pep440Version.parse(version.substring(0, version.length() - 2));
    }

    private Pep440Version spec() {
        return Pep440Version.parse(version).orElseThrow();
    }

    /**
     * Whether this clause admits the candidate (already a valid version), ignoring the pre-release default: the
     * caller decides whether pre-releases are wanted at all.
     */
    public boolean admits(Pep440Version candidate) {
        return switch (operator) {
            case "===" -> candidate.toString().equalsIgnoreCase(version);
            case "==" -> equalsMatch(candidate);
            case "!=" -> !equalsMatch(candidate);
            case "<=" -> candidate.publicVersion().compareTo(spec()) <= 0;
            case ">=" -> candidate.publicVersion().compareTo(spec()) >= 0;
            case "<" -> lessThan(candidate, spec());
            case ">" -> greaterThan(candidate, spec());
            case "~=" -> compatible(candidate);
            default -> throw new IllegalStateException("operator " + operator);
        };
    }

    /** True when the clause itself names a pre-release ({@code <2.0rc1}), which lets pre-releases match. */
    public boolean allowsPrereleases() {
        if (operator.equals("!=")) {
            return false;
        }
        Optional<Pep440Version> v = isWildcard() ? prefix() : Pep440Version.parse(version);
        return v.map(Pep440Version::isPrerelease).orElse(false);
    }

    private boolean equalsMatch(Pep440Version candidate) {
        if (isWildcard()) {
            return prefixMatch(candidate, prefix().orElseThrow().release().size(), prefix().orElseThrow());
        }
        Pep440Version spec = spec();
        if (!spec.hasLocal()) {
            return candidate.publicVersion().compareTo(spec) == 0;
        }
        return candidate.publicVersion().compareTo(spec.publicVersion()) == 0
                && candidate.localLabel().equals(spec.localLabel());
    }

    /** Same epoch and the same first {@code length} release numbers, the candidate padded with zeros. */
    private static boolean prefixMatch(Pep440Version candidate, int length, Pep440Version prefix) {
        if (!candidate.epoch().equals(prefix.epoch())) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            BigInteger c = i < candidate.release().size() ? candidate.release().get(i) : BigInteger.ZERO;
            if (!c.equals(prefix.release().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code ~=V.N} means {@code >=V.N, ==V.*}. */
    private boolean compatible(Pep440Version candidate) {
        Pep440Version spec = spec();
        return candidate.publicVersion().compareTo(spec) >= 0
                && prefixMatch(candidate, spec.release().size() - 1, spec);
    }

    /** {@code <V} never admits a pre-release of V itself unless V is a pre-release. */
    private static boolean lessThan(Pep440Version candidate, Pep440Version spec) {
        if (candidate.compareTo(spec) >= 0) {
            return false;
        }
        return spec.isPrerelease() || !candidate.isPrerelease()
                || candidate.baseVersion().compareTo(spec.baseVersion()) != 0;
    }

    /** {@code >V} never admits a post-release of V (unless V is one) nor a local version of V. */
    private static boolean greaterThan(Pep440Version candidate, Pep440Version spec) {
        if (candidate.compareTo(spec) <= 0) {
            return false;
        }
        boolean sameBase = candidate.baseVersion().compareTo(spec.baseVersion()) == 0;
        if (sameBase && candidate.isPostrelease() && !spec.isPostrelease()) {
            return false;
        }
        return !(sameBase && candidate.hasLocal());
    }

    @Override
    public String toString() {
        return operator + version.toLowerCase(Locale.ROOT);
    }
}
