// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import dev.provgate.advisory.version.VersionScheme;
import dev.provgate.model.Ecosystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to do about an affected version, worked out from the record's facts only: "pin litellm to 1.82.6 or
 * earlier" (the release just below the lowest affected one), "upgrade to 8.3.47 or later" (the fix above the
 * version), or "remove flatmap-stream" when every version is affected.
 */
public final class Remediation {
    private static final Pattern DOTTED = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private Remediation() {
    }

    public static String forVersion(OsvAffected affected, Ecosystem ecosystem, String name, String version) {
        if (affected.coversEveryVersion()) {
            return "remove " + name + " (every version is affected)";
        }
        return advice(VersionScheme.forEcosystem(ecosystem), affected, name, version);
    }

    private static <V extends Comparable<V>> String advice(VersionScheme<V> scheme, OsvAffected affected,
                                                           String name, String version) {
        List<String> steps = new ArrayList<>();
        lowestAffected(scheme, affected).ifPresent(lowest -> steps.add("pin " + name + " to " + below(lowest)));
        Optional<V> v = scheme.parse(version);
        Optional<OsvEvent> upper = v.flatMap(current -> nextUpperBound(scheme, affected, current));
        upper.ifPresent(e -> steps.add((steps.isEmpty() ? "upgrade " + name + " to " : "or upgrade to ")
                + (e.kind() == OsvEvent.Kind.FIXED ? e.version() + " or later" : "a version after " + e.version())));
        return steps.isEmpty() ? "remove " + name + " (no unaffected version is known)" : String.join(", ", steps);
    }

    /** The lowest affected version, or empty when the affected versions start at the first release. */
    private static <V extends Comparable<V>> Optional<String> lowestAffected(VersionScheme<V> scheme,
                                                                            OsvAffected affected) {
        List<String> candidates = new ArrayList<>(affected.versions());
        for (OsvRange r : affected.ranges()) {
            for (OsvEvent e : r.events()) {
                if (r.isVersionRange() && e.isFromTheStart()) {
                    return Optional.empty();
                }
                if (r.isVersionRange() && e.kind() == OsvEvent.Kind.INTRODUCED) {
                    candidates.add(e.version());
                }
            }
        }
        return candidates.stream().filter(scheme::isValid)
                .min((a, b) -> scheme.parse(a).orElseThrow().compareTo(scheme.parse(b).orElseThrow()));
    }

    /** The closest fixed or last_affected event at or above the version. */
    private static <V extends Comparable<V>> Optional<OsvEvent> nextUpperBound(VersionScheme<V> scheme,
                                                                              OsvAffected affected, V version) {
        return affected.ranges().stream().filter(OsvRange::isVersionRange)
                .flatMap(r -> r.events().stream())
                .filter(e -> e.kind() == OsvEvent.Kind.FIXED || e.kind() == OsvEvent.Kind.LAST_AFFECTED)
                .filter(e -> scheme.parse(e.version()).filter(at -> at.compareTo(version) >= 0).isPresent())
                .min((a, b) -> scheme.parse(a.version()).orElseThrow()
                        .compareTo(scheme.parse(b.version()).orElseThrow()));
    }

    /** "1.82.6 or earlier" below 1.82.7; "a version below 2.0.0" when the release just below is not obvious. */
    private static String below(String lowest) {
        if (DOTTED.matcher(lowest).matches()) {
            int dot = lowest.lastIndexOf('.');
            long last = Long.parseLong(lowest.substring(dot + 1));
            if (last > 0 && dot > 0 && lowest.length() - dot < 18) {
                return lowest.substring(0, dot + 1) + (last - 1) + " or earlier";
            }
        }
        return "a version below " + lowest;
    }
}
