// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.Location;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import java.util.List;

/**
 * The findings {@code provgate hunt} adds to the advisory ones: what an installed file says about itself. Each finding
 * is about the distribution that installed the file (so a policy exception on that package can silence it), located
 * at the file; a file no distribution claims stands for itself.
 */
public final class HuntRules {
    public static final String MODIFIED = "installed/modified";
    public static final String STARTUP_CODE = "installed/startup-code";
    public static final String MISSING = "installed/missing";
    public static final String UNRECORDED = "installed/unrecorded";
    public static final String UNVERIFIED = "installed/unverified";
    public static final String INSTALL_SCRIPT = "installed/install-script";

    public static final List<RuleDescription> RULES = List.of(
            new RuleDescription(MODIFIED, "InstalledFileModified", Severity.BLOCK,
                    "An installed file differs from the digest its package's RECORD gives for it.",
                    "Something changed the file after installation. Compare it with the release; if you did not "
                            + "change it yourself, treat the environment as compromised: rebuild it from a clean "
                            + "lockfile and rotate the secrets it could read."),
            new RuleDescription(STARTUP_CODE, "StartupCode", Severity.BLOCK,
                    "A .pth line (or sitecustomize/usercustomize) runs code at every Python start.",
                    "Python executes every .pth line that starts with 'import' whenever the interpreter starts, "
                            + "whatever program runs: the persistence LiteLLM 1.82.8's litellm_init.pth used. If you "
                            + "know the package and the line, record an exception for it in the policy; otherwise "
                            + "remove the file and investigate the machine."),
            new RuleDescription(MISSING, "InstalledFileMissing", Severity.INFO,
                    "Files a package's RECORD lists are not there.",
                    "Usually harmless (a cleaned cache, a removed script); reinstall the package if unsure."),
            new RuleDescription(UNRECORDED, "UnrecordedFile", Severity.INFO,
                    "Files in site-packages that no installed package's RECORD claims.",
                    "Left over from an uninstall, written by a tool, or planted. Look at what they are; nothing "
                            + "vouches for their content."),
            new RuleDescription(UNVERIFIED, "InstalledFileUnverified", Severity.INFO,
                    "Installed files that could not be checked: no RECORD, no digest, too large, unreadable, a "
                            + "symbolic link leaving the root, or a manifest that could not be read.",
                    "Nothing was found against them, and nothing vouches for them either."),
            new RuleDescription(INSTALL_SCRIPT, "InstallScriptPresent", Severity.INFO,
                    "An installed npm package declares preinstall, install or postinstall scripts.",
                    "These ran when it was installed. Known-good for many native packages; worth a look when the "
                            + "package is new to the project."));

    private HuntRules() {
    }

    static Finding finding(String rule, Severity severity, Component owner, Location at, String message,
                           String remediation) {
        Component located = owner.toBuilder().location(at).build();
        return new Finding(rule, severity, located, message, remediation, List.of(), "", null, List.of());
    }

    /** Stands for a file no package claims: a generic component named by the file's path. */
    static Component unowned(String relativePath, Location at) {
        return Component.builder(Ecosystem.OTHER, relativePath, "").direct(true).location(at).build();
    }
}
