// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Whether a record describes malicious code rather than a plain vulnerability: a {@code MAL-} id or alias, an
 * OpenSSF malicious-packages origin, or CWE-506 (embedded malicious code). scripts/advisories applies the same rule.
 */
final class MaliciousRule {
    private static final String CWE_MALICIOUS = "CWE-506";

    private MaliciousRule() {
    }

    static boolean isMalicious(String id, List<String> aliases, JsonNode record) {
        if (id.startsWith("MAL-") || aliases.stream().anyMatch(a -> a.startsWith("MAL-"))) {
            return true;
        }
        JsonNode specific = record.path("database_specific");
        if (specific.has("malicious-packages-origins")) {
            return true;
        }
        for (JsonNode cwe : specific.path("cwe_ids")) {
            if (CWE_MALICIOUS.equals(cwe.asText())) {
                return true;
            }
        }
        for (JsonNode affected : record.path("affected")) {
            for (JsonNode cwe : affected.path("database_specific").path("cwes")) {
                if (CWE_MALICIOUS.equals(cwe.path("cweId").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
