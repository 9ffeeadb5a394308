// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.List;

/**
 * A known-compromised (or vulnerable) advisory that names this component.
 *
 * @param advisoryId  the OSV id (MAL-2026-2144)
 * @param aliases     other ids (GHSA-..., PYSEC-...), sorted
 * @param summary     one line, facts only
 * @param basis       why it matched: the version, a locked file digest, or the name only (non-registry source)
 * @param remediation what to do, e.g. "pin litellm to 1.82.6 or earlier"
 * @param malicious   the record is a malicious-package record (MAL- or a malware advisory), not a plain vulnerability
 */
public record AdvisoryMatch(String advisoryId, List<String> aliases, String summary, MatchBasis basis,
                            String remediation, boolean malicious) implements Evidence {
    public AdvisoryMatch {
        aliases = aliases.stream().sorted().distinct().toList();
        summary = summary == null ? "" : summary;
        remediation = remediation == null ? "" : remediation;
    }

    @Override
    public String kind() {
        return "advisory";
    }

    public enum MatchBasis {
        /** The locked version is in the advisory's affected versions or ranges. */
        VERSION,
        /** A locked file digest equals a known-bad digest, whatever the version says. */
        HASH,
        /** Same name as the registry package, but the component comes from git, a URL or a path. */
        NAME_ONLY
    }
}
