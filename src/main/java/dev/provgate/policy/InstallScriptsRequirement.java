// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * {@code install_scripts}: packages that run code at install time (npm {@code hasInstallScript}) are forbidden,
 * except the listed ones.
 *
 * @param allowedFor packages allowed to run install scripts
 */
public record InstallScriptsRequirement(Severity severity, List<PurlPattern> allowedFor) implements Requirement {
    public InstallScriptsRequirement {
        allowedFor = List.copyOf(allowedFor);
    }

    @Override
    public RequirementKind kind() {
        return RequirementKind.INSTALL_SCRIPTS;
    }

    @Override
    public String describe() {
        return "no install scripts" + (allowedFor.isEmpty() ? ""
                : " except " + String.join(", ", allowedFor.stream().map(PurlPattern::toString).toList()));
    }

    @Override
    public Outcome check(CheckContext ctx) {
        if (!ctx.component().installScript()) {
            return Outcome.pass(this, "no install script in the lockfile");
        }
        Optional<PurlPattern> allowance = allowedFor.stream().filter(p -> p.matches(ctx.ref())).findFirst();
        return allowance.map(p -> Outcome.pass(this, "runs an install script, allowed for " + p))
                .orElseGet(() -> Outcome.fail(this, "runs an install script at install time (hasInstallScript)"));
    }

    @Override
    public String remediation(CheckContext ctx) {
        return "review the script, then list " + ctx.ref().withoutVersion()
                + " under install_scripts.allowed_for, or install with --ignore-scripts";
    }
}
