// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import java.util.List;
import java.util.Optional;

/**
 * A loaded trust-tiers policy. Build it with {@link PolicyLoader}.
 *
 * @param file        the policy file as shown to the user
 * @param tiers       the tiers, by level
 * @param defaultTier where packages no rule matches go
 * @param rules       the user's tier rules, in file order, then the built-in classification (unless disabled)
 * @param identities  expected provenance identities per package
 * @param approved    approved exact versions
 * @param blocked     refused packages or versions
 * @param exceptions  accepted risks with an expiry
 */
public record Policy(String file, List<Tier> tiers, Tier defaultTier, List<TierRule> rules,
                     List<ExpectedIdentity> identities, List<ApprovedVersion> approved, List<BlockedEntry> blocked,
                     List<ExceptionEntry> exceptions) {
    public Policy {
        tiers = List.copyOf(tiers);
        rules = List.copyOf(rules);
        identities = List.copyOf(identities);
        approved = List.copyOf(approved);
        blocked = List.copyOf(blocked);
        exceptions = List.copyOf(exceptions);
    }

    public Optional<Tier> tier(int level) {
        return tiers.stream().filter(t -> t.level() == level).findFirst();
    }

    /** The identity a package's provenance must name, if the policy pins one (for the provenance verifier). */
    public Optional<ExpectedIdentity> expectedIdentity(PackageRef ref) {
        return identities.stream().filter(i -> i.pattern().matchesPackage(ref)).findFirst();
    }
}
