// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.advisory.AffectedVersions.Outcome;
import dev.provgate.model.Ecosystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Range edge cases per ecosystem. Ranges are written {@code TYPE i:1.0 f:2.0 la:3.0 l:4.0}, several separated by
 * {@code ;}; the versions list is space-separated.
 */
class AffectedVersionsTest {
    static OsvAffected affected(String ecosystem, String ranges, String versions) {
        List<OsvRange> parsed = new ArrayList<>();
        if (ranges != null) {
            for (String range : ranges.split(";")) {
                String[] parts = range.strip().split(" +");
                List<OsvEvent> events = new ArrayList<>();
                for (String e : Arrays.copyOfRange(parts, 1, parts.length)) {
                    String[] kv = e.split(":", 2);
                    OsvEvent.Kind kind = switch (kv[0]) {
                        case "i" -> OsvEvent.Kind.INTRODUCED;
                        case "f" -> OsvEvent.Kind.FIXED;
                        case "la" -> OsvEvent.Kind.LAST_AFFECTED;
                        default -> OsvEvent.Kind.LIMIT;
                    };
                    events.add(new OsvEvent(kind, kv[1]));
                }
                parsed.add(new OsvRange(parts[0], events));
            }
        }
        List<String> listed = versions == null ? List.of() : List.of(versions.split(" "));
        return new OsvAffected(ecosystem, "pkg", listed, parsed);
    }

    @ParameterizedTest(name = "PyPI {0} | {1} : {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // the LiteLLM shapes: last_affected, and a list
            "ECOSYSTEM i:1.82.7 la:1.82.8|-|1.82.6|NOT_AFFECTED",
            "ECOSYSTEM i:1.82.7 la:1.82.8|-|1.82.7|AFFECTED",
            "ECOSYSTEM i:1.82.7 la:1.82.8|-|1.82.8|AFFECTED",
            "ECOSYSTEM i:1.82.7 la:1.82.8|-|1.82.9|NOT_AFFECTED",
            "ECOSYSTEM i:1.82.7 la:1.82.8|-|1.82.8.post1|NOT_AFFECTED",
            "-|1.82.7 1.82.8|1.82.8|AFFECTED",
            "-|1.82.7 1.82.8|1.82.8.0|AFFECTED",
            "-|1.82.7 1.82.8|1.82.80|NOT_AFFECTED",
            // pre-releases order before their release: inside [1.0, 2.0) and below an introduced 1.0
            "ECOSYSTEM i:1.0 f:2.0|-|2.0rc1|AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|1.0rc1|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|1.0.dev0|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|2.0|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|1.0+local|AFFECTED",
            // introduced 0: every version, also ones that do not parse
            "ECOSYSTEM i:0|-|0.0.1|AFFECTED",
            "ECOSYSTEM i:0|-|not a version|AFFECTED",
            "ECOSYSTEM i:0 la:0.1.4|-|0.1.4|AFFECTED",
            "ECOSYSTEM i:0 la:0.1.4|-|0.1.5|NOT_AFFECTED",
            // 0.1.2-1 is PEP 440 for 0.1.2.post1
            "ECOSYSTEM i:0.1.2-1|-|0.1.2.post1|AFFECTED",
            "ECOSYSTEM i:0.1.2-1|-|0.1.2|NOT_AFFECTED",
            // union of ranges, and of events in one range
            "ECOSYSTEM i:1.0 f:1.1;ECOSYSTEM i:2.0 f:2.1|-|2.0.5|AFFECTED",
            "ECOSYSTEM i:1.0 f:1.1;ECOSYSTEM i:2.0 f:2.1|-|1.5|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:1.1 i:2.0 f:2.1|-|2.0.5|AFFECTED",
            "ECOSYSTEM i:1.0 f:1.1 i:2.0 f:2.1|-|1.5|NOT_AFFECTED",
            // limit: nothing at or above it
            "ECOSYSTEM i:0 l:2.0|-|1.9|AFFECTED",
            "ECOSYSTEM i:0 l:2.0|-|2.0|NOT_AFFECTED",
            "ECOSYSTEM i:0 l:*|-|9.9|AFFECTED",
            // the list and the ranges disagree: either one suffices (ultralytics' shape, with 8.3.48 listed only)
            "ECOSYSTEM i:8.3.41 f:8.3.47|8.3.41 8.3.48|8.3.44|AFFECTED",
            "ECOSYSTEM i:8.3.41 f:8.3.47|8.3.41 8.3.48|8.3.48|AFFECTED",
            "ECOSYSTEM i:8.3.41 f:8.3.47|8.3.41 8.3.48|8.3.47|NOT_AFFECTED",
            // GIT ranges never match registry versions
            "GIT i:abc123 f:def456|-|abc123|NOT_AFFECTED",
            // invalid versions: exact strings only, undecidable when only a range could say
            "-|weird-1|weird-1|AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|french toast|UNDECIDABLE",
            "ECOSYSTEM i:odd la:odd|-|odd|AFFECTED",
            "ECOSYSTEM i:odd f:2.0|-|1.5|UNDECIDABLE",
    })
    void pypi(String ranges, String versions, String candidate, Outcome expected) {
        assertEquals(expected, AffectedVersions.evaluate(affected("PyPI", ranges, versions), Ecosystem.PYPI,
                candidate));
    }

    @ParameterizedTest(name = "npm {0} | {1} : {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "SEMVER i:1.95.6 f:1.95.8|-|1.95.7|AFFECTED",
            "SEMVER i:1.95.6 f:1.95.8|-|1.95.8|NOT_AFFECTED",
            "SEMVER i:1.95.6 f:1.95.8|-|1.95.5|NOT_AFFECTED",
            // pure SemVer ordering: a pre-release of the fix is still below it
            "SEMVER i:1.95.6 f:1.95.8|-|1.95.8-beta.1|AFFECTED",
            "SEMVER i:1.95.6 f:1.95.8|-|1.95.6-rc.1|NOT_AFFECTED",
            "SEMVER i:1.0.0-alpha.1 f:1.0.0|-|1.0.0-alpha.2|AFFECTED",
            "SEMVER i:1.0.0-alpha.1 f:1.0.0|-|1.0.0-alpha|NOT_AFFECTED",
            // numeric identifiers compare numerically: 0.7.10 is above 0.7.9
            "ECOSYSTEM i:0.7.29 f:0.7.30|-|0.7.29|AFFECTED",
            "ECOSYSTEM i:0.7.9 f:0.7.10|-|0.7.10|NOT_AFFECTED",
            // introduced 0 (flatmap-stream) and a union with a narrower range (@ctrl/tinycolor)
            "SEMVER i:0|-|0.1.1|AFFECTED",
            "SEMVER i:0;SEMVER i:4.1.1 la:4.1.2|-|4.1.0|AFFECTED",
            "SEMVER i:4.1.1 la:4.1.2|-|4.1.3|NOT_AFFECTED",
            "SEMVER i:4.1.1 la:4.1.2|-|4.1.2|AFFECTED",
            // last_affected with a pre-release above it
            "SEMVER i:1.0.0 la:1.2.0|-|1.2.1-rc.0|NOT_AFFECTED",
            "SEMVER i:1.0.0 l:1.1.0|-|1.1.0|NOT_AFFECTED",
            "SEMVER i:1.0.0 l:1.1.0|-|1.0.9|AFFECTED",
            "-|3.3.6|3.3.6|AFFECTED",
            "-|3.3.6|v3.3.6|AFFECTED",
            "SEMVER i:1.0.0 f:2.0.0|-|latest|UNDECIDABLE",
            "SEMVER i:1.0.0 f:2.0.0|2.5.0|2.5.0|AFFECTED",
    })
    void npm(String ranges, String versions, String candidate, Outcome expected) {
        assertEquals(expected, AffectedVersions.evaluate(affected("npm", ranges, versions), Ecosystem.NPM, candidate));
    }

    @ParameterizedTest(name = "Maven {0} | {1} : {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "ECOSYSTEM i:0|-|1.0|AFFECTED",
            "-|0.9.4|0.9.4|AFFECTED",
            "-|0.9.4|0.9.5|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|2.0-SNAPSHOT|AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|2.0-alpha-1|AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|1.0-rc1|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:2.0|-|1.10|AFFECTED",
            "ECOSYSTEM i:1.0 la:1.5|-|1.5.0|AFFECTED",
            "ECOSYSTEM i:1.0 la:1.5|-|1.5.1|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:1.2;ECOSYSTEM i:3.0 f:3.1|-|3.0.1|AFFECTED",
            "ECOSYSTEM i:1.0 f:1.2;ECOSYSTEM i:3.0 f:3.1|-|2.0|NOT_AFFECTED",
            "ECOSYSTEM i:1.0 f:1.2|1.5|1.5|AFFECTED",
    })
    void maven(String ranges, String versions, String candidate, Outcome expected) {
        assertEquals(expected, AffectedVersions.evaluate(affected("Maven", ranges, versions), Ecosystem.MAVEN,
                candidate));
    }

    @ParameterizedTest(name = "{0} | {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "ECOSYSTEM i:8.3.41 f:8.3.47|8.3.41 8.3.46|-",
            "ECOSYSTEM i:8.3.41 f:8.3.47|8.3.41 8.3.48 9.0|8.3.48 9.0",
            "-|1.0 2.0|-",
    })
    void reportsListedVersionsOutsideTheRanges(String ranges, String versions, String outside) {
        assertEquals(outside == null ? List.of() : List.of(outside.split(" ")),
                AffectedVersions.listedOutsideRanges(affected("PyPI", ranges, versions), Ecosystem.PYPI));
    }

    @ParameterizedTest(name = "{0} | {1} at {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-|1.82.7 1.82.8|1.82.7|pin pkg to 1.82.6 or earlier",
            "ECOSYSTEM i:1.82.7 la:1.82.8|-|1.82.8|pin pkg to 1.82.6 or earlier, or upgrade to a version after 1.82.8",
            "ECOSYSTEM i:8.3.41 f:8.3.47|8.3.41|8.3.42|pin pkg to 8.3.40 or earlier, or upgrade to 8.3.47 or later",
            "ECOSYSTEM i:0|-|1.0|remove pkg (every version is affected)",
            "ECOSYSTEM i:0 la:0.1.4|-|0.1.2|upgrade pkg to a version after 0.1.4",
            "ECOSYSTEM i:2.0 f:2.1|-|2.0|pin pkg to a version below 2.0, or upgrade to 2.1 or later",
    })
    void remediationFromFacts(String ranges, String versions, String version, String expected) {
        assertEquals(expected, Remediation.forVersion(affected("PyPI", ranges, versions), Ecosystem.PYPI, "pkg",
                version));
    }
}
