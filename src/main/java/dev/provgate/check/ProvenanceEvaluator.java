// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Finding;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The provenance rules that hold in every mode, with or without a policy: evidence of tampering (a cryptographic
 * check that failed, a lockfile digest that differs from the registry's or the attestation's) always blocks; a good
 * signature from someone other than the policy's or the pinned signer blocks; a build from another repository than
 * the one the package declares (often a renamed or transferred repository) is a warning that says how to pin it.
 * Only an explicit, expiring exception silences them. "Not verified" is left to the policy's provenance rule.
 */
public final class ProvenanceEvaluator implements Evaluator {
    public static final String TAMPERED = "provenance/tampered";
    public static final String UNEXPECTED_SIGNER = "provenance/unexpected-signer";
    public static final String DECLARED_REPOSITORY = "provenance/declared-repository";

    public static final List<RuleDescription> RULES = List.of(
            new RuleDescription(TAMPERED, "ProvenanceTampered", Severity.BLOCK,
                    "A cryptographic verification failed (signature, log proof, certificate, digest or subject), "
                            + "or the lockfile's digest differs from the registry's or the attestation's.",
                    "Treat the artifact as tampered: do not install it, find out where the changed digest or "
                            + "signature came from, and lock the artifact the registry publishes. Only an explicit, "
                            + "expiring exception silences this rule."),
            new RuleDescription(UNEXPECTED_SIGNER, "ProvenanceUnexpectedSigner", Severity.BLOCK,
                    "The signature is good, but the signer or build is not the one the policy names or the store "
                            + "pinned (another repository, workflow, trigger, ref or key), or attested provenance "
                            + "lapsed.",
                    "Find out why the package is built or signed differently. If the change is expected, update "
                            + "identities: in trust-tiers.yaml, or delete the entry of identities.json in the "
                            + "attestation store and pin again with check --pin-identities."),
            new RuleDescription(DECLARED_REPOSITORY, "ProvenanceDeclaredRepository", Severity.WARN,
                    "The provenance was built in another repository than the one the package declares in its "
                            + "registry metadata (often a renamed or transferred repository).",
                    "If the build repository is the right one, name it in trust-tiers.yaml (identities: with "
                            + "package and repository) so it is checked exactly; otherwise treat the release as "
                            + "suspect."));

    @Override
    public List<RuleDescription> rules() {
        return RULES;
    }

    @Override
    public List<Finding> evaluate(ComponentEvidence evidence) {
        return evidence.of(ProvenanceResult.class).stream()
                .flatMap(r -> finding(evidence, r).stream())
                .toList();
    }

    /**
     * A suppressor that never touches tampering findings: for review passes other than the policy's exceptions
     * (a package "already locked at the baseline" is not excused when its evidence says it was tampered with).
     */
    public static Suppressor sparingTampering(Suppressor inner) {
        return findings -> {
            List<Finding> others = findings.stream().filter(f -> !f.ruleId().equals(TAMPERED)).toList();
            List<Finding> out = new ArrayList<>(inner.review(others));
            findings.stream().filter(f -> f.ruleId().equals(TAMPERED)).forEach(out::add);
            return out;
        };
    }

    private static Optional<Finding> finding(ComponentEvidence evidence, ProvenanceResult r) {
        if (r.outcome() == ProvenanceResult.Outcome.FAILED) {
            return Optional.of(finding(evidence, TAMPERED, Severity.BLOCK, r.mechanism() + " failed: " + r.reason(),
                    RULES.get(0).help(), r));
        }
        if (r.outcome() != ProvenanceResult.Outcome.MISMATCH) {
            return Optional.empty();
        }
        return Optional.of(switch (r.expectedBy()) {
            case POLICY, PINNED -> finding(evidence, UNEXPECTED_SIGNER, Severity.BLOCK,
                    r.mechanism() + ": " + r.reason(), RULES.get(1).help(), r);
            case DECLARED -> finding(evidence, DECLARED_REPOSITORY, Severity.WARN,
                    r.mechanism() + ": " + r.reason(), RULES.get(2).help(), r);
        });
    }

    private static Finding finding(ComponentEvidence evidence, String rule, Severity severity, String message,
                                   String remediation, ProvenanceResult r) {
        return new Finding(rule, severity, evidence.component(), message, remediation, List.of(), "", null,
                List.of(r));
    }
}
