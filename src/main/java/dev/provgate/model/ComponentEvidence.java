// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.List;

/** A component with everything the enrichers found about it. */
public record ComponentEvidence(Component component, List<Evidence> evidence) {
    public ComponentEvidence {
        evidence = List.copyOf(evidence);
    }

    public <T extends Evidence> List<T> of(Class<T> type) {
        return evidence.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
