// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.advisory.Incidents.Candidate;
import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Folding one component's matches into incidents. A candidate is written {@code ID[~][=ALIAS+ALIAS][#DIGEST]
 * :BASIS:SPECIFICITY[:mal]} ({@code ~}: the record had no id, ID is its file name); the result
 * {@code ID=ALIAS+ALIAS:BASIS:REMEDIATION[:mal]}, where a candidate's remediation is "fix-" + its id.
 */
class IncidentsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // ids and aliases connect, also through a third record
            "aliases connect transitively|MAL-1=PYSEC-1:VERSION:1:mal GHSA-a=CVE-1:VERSION:1 PYSEC-1=CVE-1:VERSION:1"
                    + "|MAL-1=CVE-1+GHSA-a+PYSEC-1:VERSION:fix-GHSA-a:mal",
            "unconnected records stay apart|MAL-1:VERSION:1:mal GHSA-a:VERSION:1|GHSA-a:VERSION:fix-GHSA-a "
                    + "MAL-1:VERSION:fix-MAL-1:mal",
            "a shared known-bad digest connects|MAL-1#d1:VERSION:1:mal PYSEC-1#d1:VERSION:2 GHSA-a#d1:HASH:1"
                    + "|MAL-1=GHSA-a+PYSEC-1:HASH:fix-GHSA-a:mal",
            "GHSA before CVE and PYSEC|PYSEC-1=GHSA-b+CVE-1:VERSION:0|GHSA-b=CVE-1+PYSEC-1:VERSION:fix-PYSEC-1",
            "else the lowest id|PYSEC-2=CVE-9:VERSION:0|CVE-9=PYSEC-2:VERSION:fix-PYSEC-2",
            "ids compare case-insensitively|MAL-1=pysec-1:VERSION:0:mal PYSEC-1:VERSION:0"
                    + "|MAL-1=PYSEC-1:VERSION:fix-MAL-1:mal",
            "most specific remediation wins among the strongest|MAL-1=PYSEC-1:VERSION:1:mal PYSEC-1:VERSION:2"
                    + "|MAL-1=PYSEC-1:VERSION:fix-PYSEC-1:mal",
            "the strongest basis wins over specificity|MAL-1=PYSEC-1:NAME_ONLY:0:mal PYSEC-1:VERSION:0"
                    + "|MAL-1=PYSEC-1:VERSION:fix-PYSEC-1:mal",
            "a file name is not preferred to a real id|MAL-0000-x~=GHSA-c:VERSION:1:mal"
                    + "|GHSA-c=MAL-0000-x:VERSION:fix-MAL-0000-x:mal",
            "a file name alone stays the id|MAL-0000-x~:VERSION:1:mal|MAL-0000-x:VERSION:fix-MAL-0000-x:mal",
    })
    void fold(String title, String candidates, String expected) {
        List<Candidate> in = Arrays.stream(candidates.split(" ")).map(IncidentsTest::candidate).toList();
        assertEquals(expected, String.join(" ", Incidents.fold(in).stream().map(IncidentsTest::describe).toList()));
    }

    private static Candidate candidate(String spec) {
        String[] parts = spec.split(":");
        String[] idAndDigest = parts[0].split("#");
        String[] idAndAliases = idAndDigest[0].split("=");
        boolean idMissing = idAndAliases[0].endsWith("~");
        String id = idAndAliases[0].replace("~", "");
        List<String> aliases = idAndAliases.length > 1 ? List.of(idAndAliases[1].split("\\+")) : List.of();
        List<FileDigest> digests = idAndDigest.length > 1
                ? List.of(new FileDigest("PyPI", "p", "1.0", "p.whl", idAndDigest[1].repeat(32))) : List.of();
        boolean malicious = parts.length > 3;
        OsvRecord r = new OsvRecord(id, idMissing, aliases, "", "", "", malicious, List.of(), digests, id + ".json");
        AdvisoryMatch m = new AdvisoryMatch(id, aliases, "summary of " + id, MatchBasis.valueOf(parts[1]), "fix-" + id,
                malicious);
        return new Candidate(r, m, Integer.parseInt(parts[2]));
    }

    private static String describe(AdvisoryMatch m) {
        List<String> parts = new ArrayList<>(List.of(m.advisoryId() + (m.aliases().isEmpty() ? ""
                : "=" + String.join("+", m.aliases())), m.basis().name(), m.remediation()));
        if (m.malicious()) {
            parts.add("mal");
        }
        return String.join(":", parts);
    }
}
