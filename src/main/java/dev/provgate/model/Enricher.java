// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.List;

/**
 * The enrich stage: adds evidence about a component. Answers for every component; an enricher that could not look
 * (offline, no data) says so with evidence of an unverified outcome rather than returning nothing.
 */
@FunctionalInterface
public interface Enricher {
    List<Evidence> evidenceFor(Component component);
}
