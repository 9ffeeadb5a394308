// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One-line summaries generated from a record's facts (never its prose): "malicious code in litellm 1.82.7, 1.82.8". */
public final class Summaries {
    private Summaries() {
    }

    public static String of(OsvRecord r, OsvAffected a) {
        return (r.malicious() ? "malicious code in " : "known vulnerability in ") + a.name() + " " + versions(a);
    }

    /** The affected versions in words: the list, then each range ({@code >=1.0 <2.0}), or "every version". */
    public static String versions(OsvAffected a) {
        if (a.coversEveryVersion()) {
            return "(every version)";
        }
        List<String> parts = new ArrayList<>(a.versions());
        a.ranges().stream().filter(OsvRange::isVersionRange).map(Summaries::range).forEach(parts::add);
        return parts.isEmpty() ? "(no registry versions listed)" : String.join(", ", parts);
    }

    private static String range(OsvRange r) {
        return r.events().stream().map(e -> switch (e.kind()) {
            case INTRODUCED -> e.isFromTheStart() ? ">=0" : ">=" + e.version();
            case FIXED -> "<" + e.version();
            case LAST_AFFECTED -> "<=" + e.version();
            case LIMIT -> e.isUnlimited() ? "" : "<" + e.version() + " (limit)";
        }).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
