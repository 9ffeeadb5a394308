// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.ProvenanceResult;
import dev.provgate.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code provenance}: the locked version carries at least this much verified provenance, signed by the expected
 * identity; with {@code continuity}, never less than earlier versions had ("attested before"). Without provenance
 * evidence the rule is unverified, which fails closed.
 *
 * @param level      the least provenance accepted
 * @param continuity whether a drop below the baseline's level fails
 * @param forbiddenTriggers build trigger events that fail the rule when verified provenance names one
 */
public record ProvenanceRequirement(Severity severity, ProvenanceLevel level, boolean continuity,
                                    List<String> forbiddenTriggers) implements Requirement {
    /** Events whose workflows run with the repository's secrets for code nobody merged. */
    public static final List<String> RISKY_TRIGGERS = List.of("pull_request_target", "workflow_run");

    public ProvenanceRequirement {
        forbiddenTriggers = forbiddenTriggers == null ? List.of() : List.copyOf(forbiddenTriggers);
    }

    public ProvenanceRequirement(Severity severity, ProvenanceLevel level, boolean continuity) {
        this(severity, level, continuity, List.of());
    }

    @Override
    public RequirementKind kind() {
        return RequirementKind.PROVENANCE;
    }

    @Override
    public String describe() {
        return "provenance: at least " + level.label() + (continuity ? ", and no less than earlier versions" : "");
    }

    @Override
    public Outcome check(CheckContext ctx) {
        List<ProvenanceResult> all = ctx.evidence().of(ProvenanceResult.class);
        // failed verifications and unexpected signers are findings of their own (provenance/tampered,
        // provenance/unexpected-signer), in every mode: here they only count as not verified
        List<ProvenanceResult> results = all.stream().filter(r -> r.outcome() != ProvenanceResult.Outcome.FAILED
                && (r.outcome() != ProvenanceResult.Outcome.MISMATCH || r.signatureGood())).toList();
        if (results.isEmpty() && !all.isEmpty()) {
            return judgeRejected(ctx, all).withEvidence(all);
        }
        return judge(ctx, results).withEvidence(all);
    }

    private Outcome judgeRejected(CheckContext ctx, List<ProvenanceResult> rejected) {
        Outcome asIfNone = judge(ctx, List.of());
        if (asIfNone.status() == Outcome.Status.PASS) {
            return asIfNone;
        }
        return Outcome.unverified(this, "nothing verified: " + rejected.stream()
                .map(r -> r.mechanism() + (r.tampered() ? " failed" : " signed by an unexpected signer")
                        + " (reported as " + (r.tampered() ? "provenance/tampered" : "provenance/unexpected-signer")
                        + ")")
                .distinct().collect(Collectors.joining("; ")));
    }

    private Outcome judge(CheckContext ctx, List<ProvenanceResult> results) {
        Optional<ProvenanceLevel> earlier = continuity ? ctx.baseline().earlierProvenance(ctx.ref()) : Optional.empty();
        if (results.isEmpty()) {
            boolean nothingAsked = level == ProvenanceLevel.NONE && earlier.orElse(ProvenanceLevel.NONE)
                    == ProvenanceLevel.NONE;
            return nothingAsked ? Outcome.pass(this, "no provenance required, none on record before")
                    : Outcome.unverified(this, "no provenance evidence (run with attestations)");
        }
        Optional<ProvenanceResult> risky = results.stream().filter(ProvenanceResult::signatureGood)
                .filter(r -> r.identity() != null && forbiddenTriggers.contains(r.identity().build().trigger()))
                .findFirst();
        if (risky.isPresent()) {
            return Outcome.fail(this, risky.get().mechanism() + " was built by a workflow triggered by "
                    + risky.get().identity().build().trigger() + " (" + risky.get().identity().build().workflowPath()
                    + "), which this tier forbids: such workflows run with the repository's secrets for code nobody "
                    + "merged (forbidden_triggers)");
        }
        Optional<Outcome> wrongSigner = wrongSigner(ctx, results);
        if (wrongSigner.isPresent()) {
            return wrongSigner.get();
        }
        ProvenanceLevel achieved = ProvenanceLevel.achieved(results);
        if (achieved.compareTo(level) < 0) {
            return belowLevel(results, achieved);
        }
        if (earlier.isPresent() && earlier.get().compareTo(achieved) > 0) {
            return Outcome.fail(this, "less provenance than earlier versions: they were " + earlier.get().label()
                    + ", this one is " + achieved.label());
        }
        return Outcome.pass(this, achieved.label() + " (" + verifiedSummary(results) + ")");
    }

    private Outcome belowLevel(List<ProvenanceResult> results, ProvenanceLevel achieved) {
        List<ProvenanceResult> pending = results.stream()
                .filter(r -> r.outcome() == ProvenanceResult.Outcome.UNVERIFIED
                        || r.outcome() == ProvenanceResult.Outcome.UNSUPPORTED)
                .toList();
        if (!pending.isEmpty()) {
            return Outcome.unverified(this, pending.stream().map(r -> r.mechanism() + " "
                    + r.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + r.reason())
                    .collect(Collectors.joining("; ")));
        }
        return Outcome.fail(this, "requires " + level.label() + " provenance, found " + achieved.label());
    }

    private Optional<Outcome> wrongSigner(CheckContext ctx, List<ProvenanceResult> results) {
        Optional<ExpectedIdentity> expected = ctx.expectedIdentity();
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        // key-signed evidence (registry keys, PGP) names no repository or workflow: nothing to compare
        List<ProvenanceResult> certified = results.stream()
                .filter(r -> r.signatureGood() && r.identity() != null
                        && r.identity().keyFingerprint().isEmpty())
                .toList();
        boolean keySignedOnly = certified.isEmpty()
                && results.stream().anyMatch(ProvenanceResult::signatureGood);
        if (keySignedOnly) {
            return Optional.of(Outcome.unverified(this, "only key-signed provenance: nothing shows the expected "
                    + "signer (" + expected.get().where() + ")"));
        }
        return certified.stream()
                .map(r -> expected.get().mismatches(r.identity()))
                .filter(m -> !m.isEmpty())
                .findFirst()
                .map(m -> Outcome.fail(this, "unexpected signer: " + String.join("; ", m) + " ("
                        + expected.get().where() + ")"));
    }

    private static String verifiedSummary(List<ProvenanceResult> results) {
        return results.stream().filter(ProvenanceResult::signatureGood)
                .map(r -> r.mechanism() + (r.identity() == null || r.identity().repository().isEmpty()
                        ? "" : " from " + r.identity().repository()))
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    @Override
    public String remediation(CheckContext ctx) {
        return "verify attestations (provgate attestations fetch), pin to a version with " + level.label()
                + " provenance, or add a time-limited exception";
    }
}
