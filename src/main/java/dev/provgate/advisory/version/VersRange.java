// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A version range in the {@code vers:} notation of the package-url project ({@code vers:pypi/>=1.82.7|<=1.82.8}),
 * compared with the ecosystem's own ordering ({@link VersionScheme}). Evaluated as the specification says: an
 * {@code =} constraint matches, a {@code !=} excludes, the others bound contiguous intervals in version order.
 */
public final class VersRange {
    private final String text;
    private final Ecosystem ecosystem;
    private final boolean any;
    private final List<Constraint> constraints;

    private record Constraint(String comparator, String version) {
    }

    private VersRange(String text, Ecosystem ecosystem, boolean any, List<Constraint> constraints) {
        this.text = text;
        this.ecosystem = ecosystem;
        this.any = any;
        this.constraints = constraints;
    }

    /** Parses a {@code vers:} spec; a malformed one is an input error naming it. */
    public static VersRange parse(String spec) {
        String s = spec.strip();
        int slash = s.indexOf('/');
        if (!s.startsWith("vers:") || slash < 0 || slash == s.length() - 1) {
            throw bad(spec, "expected vers:TYPE/CONSTRAINTS, e.g. vers:pypi/>=1.82.7|<=1.82.8");
        }
        String type = s.substring("vers:".length(), slash);
        Ecosystem ecosystem = Ecosystem.fromPurlType(type);
        if (ecosystem == Ecosystem.OTHER) {
            throw bad(spec, "unknown versioning scheme '" + type + "' (npm, pypi and maven are known)");
        }
        String body = s.substring(slash + 1).replace(" ", "");
        if (body.equals("*")) {
            return new VersRange(spec, ecosystem, true, List.of());
        }
        VersionScheme<?> scheme = VersionScheme.forEcosystem(ecosystem);
        List<Constraint> constraints = new ArrayList<>();
        for (String part : body.split("\\|", -1)) {
            String comparator = part.startsWith(">=") || part.startsWith("<=") || part.startsWith("!=")
                    ? part.substring(0, 2) : part.startsWith(">") || part.startsWith("<") || part.startsWith("=")
                    ? part.substring(0, 1) : "=";
            String version = part.substring(part.startsWith(comparator) ? comparator.length() : 0);
            if (version.isEmpty()) {
                throw bad(spec, "empty constraint");
            }
            if (!comparator.equals("=") && !comparator.equals("!=") && !scheme.isValid(version)) {
                throw bad(spec, "'" + version + "' is not a " + scheme.name() + " version");
            }
            constraints.add(new Constraint(comparator, version));
        }
        return new VersRange(spec, ecosystem, false, constraints);
    }

    public Ecosystem ecosystem() {
        return ecosystem;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Whether the range contains the version; a version the scheme cannot order matches only {@code =} itself. */
    public boolean contains(String version) {
        if (any) {
            return true;
        }
        for (Constraint c : constraints) {
            if (c.comparator().equals("=") && same(c.version(), version)) {
                return true;
            }
            if (c.comparator().equals("!=") && same(c.version(), version)) {
                return false;
            }
        }
        List<Constraint> bounds = constraints.stream()
                .filter(c -> !c.comparator().equals("=") && !c.comparator().equals("!="))
                .sorted(Comparator.comparing(Constraint::version, this::compare)).toList();
        if (bounds.isEmpty() || !scheme().isValid(version)) {
            return false;
        }
        if (bounds.size() == 1) {
            return satisfies(bounds.get(0), version);
        }
        for (int i = 0; i + 1 < bounds.size(); i++) {
            Constraint current = bounds.get(i);
            Constraint next = bounds.get(i + 1);
            if (i == 0 && current.comparator().startsWith("<") && satisfies(current, version)) {
                return true;
            }
            if (i + 1 == bounds.size() - 1 && next.comparator().startsWith(">") && satisfies(next, version)) {
                return true;
            }
            if (current.comparator().startsWith(">") && next.comparator().startsWith("<")
                    && satisfies(current, version) && satisfies(next, version)) {
                return true;
            }
        }
        return false;
    }

    private boolean satisfies(Constraint c, String version) {
        int cmp = compare(version, c.version());
        return switch (c.comparator()) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> throw new IllegalStateException(c.comparator());
        };
    }

    private boolean same(String a, String b) {
        return scheme().same(a, b);
    }

    private VersionScheme<?> scheme() {
        return VersionScheme.forEcosystem(ecosystem);
    }

    private int compare(String a, String b) {
        return compareWith(scheme(), a, b);
    }

    private static <V extends Comparable<V>> int compareWith(VersionScheme<V> scheme, String a, String b) {
        Optional<V> va = scheme.parse(a);
        Optional<V> vb = scheme.parse(b);
        return va.isPresent() && vb.isPresent() ? va.get().compareTo(vb.get()) : a.compareTo(b);
    }

    private static ProvgateException bad(String spec, String why) {
        return new ProvgateException("version range '" + spec + "': " + why);
    }
}
