// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.version;

import dev.provgate.model.Ecosystem;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * How one ecosystem spells and orders versions. A string the scheme cannot parse is not a version of it: callers
 * then compare it by exact string only and say so.
 *
 * @param name   the rules, for messages ({@code PEP 440}, {@code semver}, {@code Maven})
 * @param parser the parsed, comparable form, or empty when the string is not a version under these rules
 * @param <V>    the parsed form
 */
public record VersionScheme<V extends Comparable<V>>(String name, Function<String, Optional<V>> parser) {
    public static final VersionScheme<Pep440Version> PEP440 = new VersionScheme<>("PEP 440", Pep440Version::parse);
    public static final VersionScheme<SemverVersion> SEMVER = new VersionScheme<>("semver", SemverVersion::parse);
    public static final VersionScheme<ComparableVersion> MAVEN = new VersionScheme<>("Maven",
            VersionScheme::mavenVersion);
    /**
     * GitHub Actions: the version a tag names, with or without a leading {@code v}, missing parts read as zero
     * ({@code v4} is 4.0.0, {@code v4.1} is 4.1.0). A commit SHA or a branch is not a version.
     */
    public static final VersionScheme<SemverVersion> ACTION_TAG = new VersionScheme<>("action tag",
            VersionScheme::actionTag);
    /** For ecosystems without known rules: nothing parses, so only exact strings match. */
    public static final VersionScheme<String> EXACT = new VersionScheme<>("exact string", s -> Optional.empty());

    public Optional<V> parse(String text) {
        return text == null ? Optional.empty() : parser.apply(text);
    }

    /** The same version: equal strings, or equal under these rules ({@code 1.0} and {@code 1.0.0} in PEP 440). */
    public boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Optional<V> va = parse(a);
        Optional<V> vb = parse(b);
        return va.isPresent() && vb.isPresent() && va.get().compareTo(vb.get()) == 0;
    }

    public boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** The rules OSV's {@code ECOSYSTEM} ranges use for this ecosystem. */
    public static VersionScheme<?> forEcosystem(Ecosystem ecosystem) {
        return switch (ecosystem) {
            case PYPI -> PEP440;
            case NPM -> SEMVER;
            case MAVEN -> MAVEN;
            case GITHUB_ACTIONS -> ACTION_TAG;
            case OTHER -> EXACT;
        };
    }

    private static Optional<SemverVersion> actionTag(String text) {
        String t = text.strip();
        if (t.startsWith("v") || t.startsWith("V")) {
            t = t.substring(1);
        }
        int core = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('+') >= 0 ? t.indexOf('+') : t.length();
        String numbers = t.substring(0, core);
        if (!numbers.matches("\\d+(\\.\\d+){0,2}")) {
            return Optional.empty();
        }
        int dots = (int) numbers.chars().filter(c -> c == '.').count();
        return SemverVersion.parse(numbers + ".0".repeat(2 - dots) + t.substring(core));
    }

    /** Maven orders any non-blank string (ComparableVersion never rejects one). */
    private static Optional<ComparableVersion> mavenVersion(String text) {
        String t = text.strip();
        return t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)
                ? Optional.empty() : Optional.of(new ComparableVersion(t));
    }
}
