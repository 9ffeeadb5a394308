// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.SignerIdentity;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trust on first use: {@code <ecosystem>/<name>/identities.json} records, per mechanism ({@code npm-provenance},
 * {@code pypi-attestation}, {@code maven-sigstore}, {@code maven-pgp}), the signer first seen for the package.
 * A later version signed by someone else is a {@link PinCheck.Status#CHANGED} the policy turns into a finding.
 */
public final class IdentityPins {
    static final String MAVEN_PGP = "maven-pgp";
    private final StoreLayout layout;

    IdentityPins(StoreLayout layout) {
        this.layout = layout;
    }

    /** The outcome of comparing a signer with the pinned one. */
    public record PinCheck(Status status, Optional<PinnedIdentity> pinned) {
        public enum Status { FIRST_USE, SAME, CHANGED }
    }

    public Optional<PinnedIdentity> pinned(Ecosystem ecosystem, String name, String mechanism) {
        return Optional.ofNullable(read(ecosystem, name, mechanism).get(mechanism));
    }

    /** Compares without writing. */
    public PinCheck check(Ecosystem ecosystem, String name, String mechanism, SignerIdentity seen) {
        Optional<PinnedIdentity> pinned = pinned(ecosystem, name, mechanism);
        if (pinned.isEmpty()) {
            return new PinCheck(PinCheck.Status.FIRST_USE, pinned);
        }
        boolean same = pinned.get().sameSignerAs(PinnedIdentity.of(seen, ""));
        return new PinCheck(same ? PinCheck.Status.SAME : PinCheck.Status.CHANGED, pinned);
    }

    /** Compares, and pins the signer when the package had none for this mechanism. */
    public synchronized PinCheck checkAndPin(Ecosystem ecosystem, String name, String mechanism, String version,
                                             SignerIdentity seen) {
        PinCheck result = check(ecosystem, name, mechanism, seen);
        if (result.status() == PinCheck.Status.FIRST_USE) {
            pin(ecosystem, name, mechanism, version, seen);
        }
        return result;
    }

    /** Records (or replaces, when the user accepts a new signer) the pinned signer. */
    public synchronized void pin(Ecosystem ecosystem, String name, String mechanism, String version,
                                 SignerIdentity identity) {
        Map<String, PinnedIdentity> pins = read(ecosystem, name, mechanism);
        pins.put(mechanism, PinnedIdentity.of(identity, version));
        StoreFiles.write(layout.root(), file(ecosystem, name, mechanism), StoreFiles.jsonBytes(pins));
    }

    private Map<String, PinnedIdentity> read(Ecosystem ecosystem, String name, String mechanism) {
        Path file = file(ecosystem, name, mechanism);
        Map<String, PinnedIdentity> pins = new TreeMap<>();
        Optional<JsonNode> json = StoreFiles.readJson(file);
        json.ifPresent(j -> j.fields().forEachRemaining(e -> pins.put(e.getKey(), pinOf(file, e.getValue()))));
        return pins;
    }

    private static PinnedIdentity pinOf(Path file, JsonNode node) {
        try {
            return StoreFiles.mapper().treeToValue(node, PinnedIdentity.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProvgateException(file.toString(), 0, "not a pinned identity: " + node);
        }
    }

    /**
     * Per package, except Maven PGP signers: pinned per groupId ({@code maven/<group>/identities.json}), since a
     * project signs all its artifacts with one key, and a new artifact of the group is held to it too.
     */
    private Path file(Ecosystem ecosystem, String name, String mechanism) {
        Path packageDir = layout.packageDir(ecosystem, name);
        Path dir = ecosystem == Ecosystem.MAVEN && mechanism.equals(MAVEN_PGP) ? packageDir.getParent() : packageDir;
        return dir.resolve(AttestationStore.IDENTITIES);
    }
}
