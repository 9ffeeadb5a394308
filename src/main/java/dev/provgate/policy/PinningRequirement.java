// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.RefKind;
import dev.provgate.model.Severity;
import java.util.Optional;

/**
 * {@code pinning: sha}: a CI reference names immutable content, a full commit SHA (an image digest for a container),
 * and its {@code # vX.Y.Z} comment agrees with every other reference to the same repository. A tag or branch can be
 * moved to other code at any time: that is how tj-actions/changed-files and aquasecurity/trivy-action were hijacked.
 * Other components are not CI references and pass.
 */
public record PinningRequirement(Severity severity) implements Requirement {
    @Override
    public RequirementKind kind() {
        return RequirementKind.PINNING;
    }

    @Override
    public String describe() {
        return "CI references pinned to a full commit SHA or image digest, version comments consistent";
    }

    @Override
    public Outcome check(CheckContext ctx) {
        Component c = ctx.component();
        Optional<RefKind> kind = RefKind.of(c);
        if (kind.isEmpty()) {
            return Outcome.pass(this, "not a CI reference");
        }
        String ref = c.attributes().getOrDefault(RefKind.REF, c.version());
        if (!kind.get().isImmutable()) {
            return Outcome.fail(this, switch (kind.get()) {
                case NONE -> c.name() + " names no ref: it runs whatever the default branch holds";
                case EXPRESSION -> c.name() + "@" + ref + " is an expression: nothing pins what it runs";
                default -> c.name() + "@" + ref + " is a " + kind.get().label().replace('-', ' ')
                        + " reference, which can be moved to other code";
            });
        }
        String conflict = c.attributes().getOrDefault(RefKind.PIN_CONFLICT, "");
        if (!conflict.isEmpty()) {
            return Outcome.fail(this, c.coordinates() + ": " + conflict);
        }
        String comment = c.attributes().getOrDefault(RefKind.VERSION_COMMENT, "");
        return Outcome.pass(this, "pinned to " + (kind.get() == RefKind.SHA ? "commit " : "digest ") + ref
                + (comment.isEmpty() ? "" : " (# " + comment + ")"));
    }

    @Override
    public String remediation(CheckContext ctx) {
        Component c = ctx.component();
        if (!c.attributes().getOrDefault(RefKind.PIN_CONFLICT, "").isEmpty()) {
            return "check which commit the version really is and correct the SHA or the comment";
        }
        return RefKind.of(c).filter(k -> k == RefKind.TAG && c.purl().startsWith("pkg:docker/")).isPresent()
                ? "pin the image digest: docker://" + c.name() + "@sha256:..."
                : "pin the full commit SHA with the version as a comment: " + c.name() + "@<40-hex SHA> # "
                        + c.attributes().getOrDefault(RefKind.REF, "vX.Y.Z");
    }
}
