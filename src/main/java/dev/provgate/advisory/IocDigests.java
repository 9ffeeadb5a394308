// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * File digests a record lists itself, as OpenSSF malicious-packages writes them:
 * {@code database_specific.iocs.files[].digests.sha256}, attached to each package the record names.
 */
final class IocDigests {
    private IocDigests() {
    }

    static List<FileDigest> of(JsonNode record, List<OsvAffected> affected) {
        List<FileDigest> out = new ArrayList<>();
        for (JsonNode file : record.path("database_specific").path("iocs").path("files")) {
            String sha256 = file.path("digests").path("sha256").asText("");
            if (!FileDigest.isSha256(sha256)) {
                continue;
            }
            String name = file.path("paths").path(0).asText("");
            for (OsvAffected a : affected) {
                if (!a.name().isEmpty()) {
                    out.add(new FileDigest(a.ecosystem(), a.name(), "", name, sha256));
                }
            }
        }
        return out;
    }
}
