// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.ProvenanceResult;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How much provenance a version has, in increasing order. SIGNATURE: signed by a key or identity (registry
 * signatures, npm publish attestations, Maven PGP or Sigstore signatures). ATTESTED: build provenance that names the
 * source repository and workflow (npm SLSA provenance, PyPI PEP 740 attestations).
 */
public enum ProvenanceLevel {
    NONE, SIGNATURE, ATTESTED;

    private static final Set<String> ATTESTATIONS = Set.of("npm-provenance", "pypi-attestation");

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProvenanceLevel> parse(String text) {
        for (ProvenanceLevel l : values()) {
            if (l.label().equals(text)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The level one verified result proves. */
    public static ProvenanceLevel of(ProvenanceResult r) {
        if (!r.signatureGood()) {
            return NONE;
        }
        return ATTESTATIONS.contains(r.mechanism()) ? ATTESTED : SIGNATURE;
    }

    /** The highest level the verified results prove. */
    public static ProvenanceLevel achieved(Collection<ProvenanceResult> results) {
        return results.stream().map(ProvenanceLevel::of).max(Enum::compareTo).orElse(NONE);
    }
}
