// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts of one OSV record that matching and inspection need; no prose.
 *
 * @param id        the record's id, or, when the record has none, the name of its file ({@code idMissing} says so)
 * @param idMissing the record had an empty or missing id
 * @param aliases   other ids, sorted
 * @param published publication time as written (may be empty)
 * @param modified  last modification time as written (may be empty)
 * @param withdrawn withdrawal time; a withdrawn record never matches
 * @param malicious a malicious-package record (MAL- id or alias, malicious-packages origins, CWE-506)
 * @param affected  the affected entries
 * @param digests   SHA-256 digests of known-bad files (from the record's IOCs or an indicators file)
 * @param source    where the record was read from (path in the imported tree or zip)
 */
public record OsvRecord(String id, boolean idMissing, List<String> aliases, String published, String modified,
                        String withdrawn, boolean malicious, List<OsvAffected> affected, List<FileDigest> digests,
                        String source) {
    public OsvRecord {
        aliases = aliases.stream().sorted().distinct().toList();
        published = published == null ? "" : published;
        modified = modified == null ? "" : modified;
        withdrawn = withdrawn == null ? "" : withdrawn;
        affected = List.copyOf(affected);
        digests = List.copyOf(digests);
        source = source == null ? "" : source;
    }

    public boolean isWithdrawn() {
        return !withdrawn.isEmpty();
    }

    /** The same record with more known-bad file digests. */
    public OsvRecord withDigests(List<FileDigest> more) {
        List<FileDigest> all = new ArrayList<>(digests);
        more.stream().filter(d -> !all.contains(d)).forEach(all::add);
        return new OsvRecord(id, idMissing, aliases, published, modified, withdrawn, malicious, affected, all, source);
    }

    /** True when the id or an alias is this one. */
    public boolean isKnownAs(String someId) {
        return id.equalsIgnoreCase(someId) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(someId));
    }
}
