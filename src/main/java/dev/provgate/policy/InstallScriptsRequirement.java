// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import dev.provgate.model.InstallScript;
import dev.provgate.model.ReleaseInfo;
import dev.provgate.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * {@code install_scripts}: packages that run code at install time are forbidden, except the listed ones. The
 * lockfile says so where its format records it (package-lock v2/v3 {@code hasInstallScript}, pnpm 5.x/6.x
 * {@code requiresBuild}); elsewhere (package-lock v1, yarn.lock, pnpm 9) the registry metadata in the attestation
 * store does, and without either the package is unverified, never passed.
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
        Optional<PurlPattern> allowance = allowedFor.stream().filter(p -> p.matches(ctx.ref())).findFirst();
        InstallScript recorded = ctx.component().installScript();
        if (recorded == InstallScript.NONE) {
            return Outcome.pass(this, "no install script in the lockfile");
        }
        if (recorded == InstallScript.RUNS) {
            return runs(allowance, "hasInstallScript in the lockfile");
        }
        Optional<ReleaseInfo> registry = ctx.evidence().of(ReleaseInfo.class).stream()
                .filter(r -> r.installScript() != null).findFirst();
        if (registry.isPresent()) {
            return registry.get().installScript() ? runs(allowance, "registry metadata, " + registry.get().origin())
                    : Outcome.pass(this, "no install script (registry metadata, " + registry.get().origin() + ")");
        }
        return allowance.map(p -> Outcome.pass(this, "install scripts unknown, allowed for " + p))
                .orElseGet(() -> Outcome.unverified(this, lockfileName(ctx) + " does not record install scripts "
                        + "and the attestation store has no registry metadata for " + ctx.component().coordinates()));
    }

    private Outcome runs(Optional<PurlPattern> allowance, String why) {
        return allowance.map(p -> Outcome.pass(this, "runs an install script, allowed for " + p))
                .orElseGet(() -> Outcome.fail(this, "runs an install script at install time (" + why + ")"));
    }

    private static String lockfileName(CheckContext ctx) {
        String file = ctx.component().location().file();
        return file.isEmpty() ? "the lockfile" : file.substring(file.lastIndexOf('/') + 1);
    }

    @Override
    public String remediation(CheckContext ctx) {
        if (ctx.component().installScript() == InstallScript.UNRECORDED) {
            return "run provgate attestations fetch (it reads install scripts from the registry), or list "
                    + ctx.ref().withoutVersion() + " under install_scripts.allowed_for";
        }
        return "review the script, then list " + ctx.ref().withoutVersion()
                + " under install_scripts.allowed_for, or install with --ignore-scripts";
    }
}
