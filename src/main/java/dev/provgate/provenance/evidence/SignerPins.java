// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import dev.provgate.model.Component;
import dev.provgate.model.ProvenanceResult;
import dev.provgate.provenance.store.IdentityPins;
import dev.provgate.provenance.store.IdentityPins.PinCheck;
import dev.provgate.provenance.store.PinnedIdentity;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import dev.provgate.provenance.PgpKeysMap;

/**
 * Trust on first use for verified signers: compares each with the signer pinned in the store and turns a changed
 * one into a failure, and a version with no verified attestation of a package that had one into a failure too. Writes a pin only when asked ({@code check --pin-identities}), so CI runs stay read-only.
 * Registry-key signatures (npm publish attestations, registry signatures) are not pinned: the registry rotates its
 * keys, and the bundled key set already says which keys count.
 */
final class SignerPins {
    static final Set<String> PINNED = Set.of(Mechanisms.NPM_PROVENANCE, Mechanisms.PYPI_ATTESTATION,
            Mechanisms.MAVEN_SIGSTORE, Mechanisms.MAVEN_PGP);

    private final IdentityPins pins;
    private final boolean record;
    private final Supplier<PgpKeysMap> keysMap;

    SignerPins(IdentityPins pins, boolean record, Supplier<PgpKeysMap> keysMap) {
        this.pins = pins;
        this.record = record;
        this.keysMap = keysMap;
    }

    ProvenanceResult apply(Component c, ProvenanceResult r) {
        if (r.mechanism().equals(Mechanisms.MAVEN_PGP) && inKeysMap(c)) {
            return r; // the keys map names the allowed keys: an explicit pin wins over trust on first use
        }
        if (unknownPgpSigner(r)) {
            return pinCheck(c, r);
        }
        // lapsed: nothing of this kind to check any more (a signature present but not checkable is not a lapse)
        if (r.outcome() == ProvenanceResult.Outcome.UNVERIFIED && PINNED.contains(r.mechanism())
                && r.bundleSha256().isEmpty()) {
            return pins.pinned(c.ecosystem(), c.name(), r.mechanism()).map(was -> lapsed(c, r, was)).orElse(r);
        }
        if (!r.signatureGood() || r.identity() == null
                || !PINNED.contains(r.mechanism())) {
            return r;
        }
        return pinCheck(c, r);
    }

    private boolean inKeysMap(Component c) {
        int colon = c.name().indexOf(':');
        return colon > 0 && keysMap.get().expected(c.name().substring(0, colon), c.name().substring(colon + 1),
                c.version()).isPresent();
    }

    /**
     * A PGP signature by a key in no keyring still names its signer by full fingerprint: that is compared with (and
     * pinned as) the group's signer, so a later version signed by another key is a finding without any keyring.
     */
    private static boolean unknownPgpSigner(ProvenanceResult r) {
        return r.mechanism().equals(Mechanisms.MAVEN_PGP) && r.outcome() == ProvenanceResult.Outcome.UNVERIFIED
                && r.identity() != null && r.identity().keyFingerprint().length() == 40;
    }

    private ProvenanceResult pinCheck(Component c, ProvenanceResult r) {
        // a group's PGP signer is pinned for the whole group: record which artifact it was first seen on
        String seenIn = r.mechanism().equals(Mechanisms.MAVEN_PGP) ? c.coordinates() : c.version();
        PinCheck check = record ? pins.checkAndPin(c.ecosystem(), c.name(), r.mechanism(), seenIn, r.identity())
                : pins.check(c.ecosystem(), c.name(), r.mechanism(), r.identity());
        return switch (check.status()) {
            case SAME -> Mechanisms.withNote(r, "same signer as pinned since "
                    + since(c, check.pinned().orElseThrow()));
            case FIRST_USE -> Mechanisms.withNote(r, record ? "signer pinned on first use"
                    : "no pinned signer yet (check --pin-identities records it)");
            case CHANGED -> changed(c, r, check.pinned().orElseThrow());
        };
    }

    private static ProvenanceResult changed(Component c, ProvenanceResult r, PinnedIdentity was) {
        PinnedIdentity now = PinnedIdentity.of(r.identity(), c.version());
        java.util.List<String> differs = was.differences(now);
        String lead = differs.size() == 1 && List.of("workflow", "builder", "trigger").contains(differs.get(0))
                ? "built by a different " + differs.get(0) + " than " + since(c, was) + " was"
                : "signer changed since " + since(c, was);
        String why = lead + ": was " + describe(was)
                + ", now " + describe(now) + " (to accept it, delete the " + r.mechanism()
                + " entry of identities.json in the store)";
        return r.mismatch(ProvenanceResult.ExpectedBy.PINNED, why);
    }

    /**
     * Continuity: a package whose earlier versions were attested, locked at a version with no verified attestation
     * (LiteLLM 1.82.7 and 1.82.8 were uploaded with a stolen token, without the project's release workflow).
     */
    private static ProvenanceResult lapsed(Component c, ProvenanceResult r, PinnedIdentity was) {
        String why = "provenance lapsed: " + since(c, was) + " was attested by "
                + describe(was) + ", but " + c.coordinates() + " has no verified " + r.mechanism() + " ("
                + r.reason() + ")";
        return new ProvenanceResult(r.mechanism(), ProvenanceResult.Outcome.MISMATCH, why, null, r.bundleSha256(),
                r.logIndex(), r.signedAt(), ProvenanceResult.ExpectedBy.PINNED);
    }

    private static String since(Component c, PinnedIdentity was) {
        return was.firstSeenVersion().contains("@") ? was.firstSeenVersion() : c.name() + "@" + was.firstSeenVersion();
    }

    private static String describe(PinnedIdentity p) {
        if (!p.keyFingerprint().isEmpty()) {
            return "key " + p.keyFingerprint();
        }
        String repo = p.sourceRepository().isEmpty() ? "" : p.sourceRepository() + " ";
        return repo + "(" + p.workflow() + ", issuer " + p.issuer()
                + (p.builder().isEmpty() ? "" : ", builder " + p.builder())
                + (p.trigger().isEmpty() ? "" : ", trigger " + p.trigger()) + ")";
    }
}
