// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a reader collected from one SBOM: entries, edges by reference, and the document's own subject. */
final class SbomDocument {
    /** An edge between two references (bom-ref or SPDXID). */
    record Edge(String from, String to) {
    }

    final List<SbomEntry> entries = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    /** The references of what the SBOM describes (the project or image): not dependencies themselves. */
    final Set<String> subjects = new HashSet<>();
    /** Scopes stated by relationships rather than by the entry (SPDX {@code TEST_DEPENDENCY_OF}). */
    final Map<String, Scope> scopeHints = new HashMap<>();
}
