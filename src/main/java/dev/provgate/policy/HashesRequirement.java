// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.RefKind;
import dev.provgate.model.Severity;
import dev.provgate.model.SourceKind;
import java.util.stream.Collectors;

/** {@code hashes}: every locked artifact downloaded from somewhere has a digest in the lockfile. */
public record HashesRequirement(Severity severity) implements Requirement {
    @Override
    public RequirementKind kind() {
        return RequirementKind.HASHES;
    }

    @Override
    public String describe() {
        return "every locked artifact has a hash in the lockfile";
    }

    @Override
    public Outcome check(CheckContext ctx) {
        Component c = ctx.component();
        SourceKind kind = c.source().kind();
        if (kind == SourceKind.WORKSPACE || kind == SourceKind.LINK || kind == SourceKind.PATH) {
            return Outcome.pass(this, kind.label() + " package: nothing is downloaded, nothing to hash");
        }
        java.util.Optional<RefKind> ci = RefKind.of(c);
        if (ci.isPresent() && c.hashes().isEmpty()) {
            // A CI reference is content-addressed by its commit SHA, or by nothing when it names a tag or branch.
            return ci.get().isImmutable() ? Outcome.pass(this, "pinned to commit " + c.version())
                    : Outcome.fail(this, c.coordinates() + " names a " + ci.get().label().replace('-', ' ')
                            + ": nothing pins its content");
        }
        if (c.hashes().isEmpty()) {
            return Outcome.fail(this, "no hash in the lockfile for " + c.coordinates());
        }
        String algorithms = c.hashes().stream().map(h -> h.algorithm().cyclonedxName()).distinct().sorted()
                .collect(Collectors.joining(", "));
        int files = (int) c.hashes().stream().map(Hash::fileName).distinct().count();
        return Outcome.pass(this, c.hashes().size() + (c.hashes().size() == 1 ? " hash" : " hashes")
                + " (" + algorithms + ")" + (files > 1 ? " for " + files + " files" : ""));
    }

    @Override
    public String remediation(CheckContext ctx) {
        if (RefKind.of(ctx.component()).isPresent()) {
            return "pin the full commit SHA or image digest (uses: OWNER/REPO@SHA # vX.Y.Z)";
        }
        return "lock with hashes (npm records integrity, pip-compile --generate-hashes, poetry lock, "
                + "Gradle dependency verification)";
    }
}
