// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a requirement may look at for one component.
 *
 * @param evidence   the component and its evidence
 * @param ref        its package identity, as patterns read it
 * @param now        the engine clock's instant
 * @param baseline   the previous inventory, or {@link Baseline#none()}
 * @param approved   the policy's approved versions
 * @param identities the policy's expected provenance identities
 */
public record CheckContext(ComponentEvidence evidence, PackageRef ref, Instant now, Baseline baseline,
                           List<ApprovedVersion> approved, List<ExpectedIdentity> identities) {

    public Component component() {
        return evidence.component();
    }

    /** The approval of this exact version, if one is listed. */
    public Optional<ApprovedVersion> approval() {
        return approved.stream().filter(a -> a.covers(ref)).findFirst();
    }

    /** The first identity entry for this package. */
    public Optional<ExpectedIdentity> expectedIdentity() {
        return identities.stream().filter(i -> i.pattern().matchesPackage(ref)).findFirst();
    }
}
