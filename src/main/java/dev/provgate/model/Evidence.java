// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

/** A fact an enricher found about a component: an advisory, a provenance result, release information. */
public sealed interface Evidence permits AdvisoryMatch, ProvenanceResult, ReleaseInfo {
    /** A short label for reports, e.g. {@code advisory}, {@code provenance}, {@code release}. */
    String kind();
}
