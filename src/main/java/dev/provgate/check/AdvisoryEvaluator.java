// SPDX-License-Identifier: Apache-2.0
package dev.provgate.check;

import dev.provgate.model.AdvisoryMatch;
import dev.provgate.model.AdvisoryMatch.MatchBasis;
import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Finding;
import dev.provgate.model.RefKind;
import dev.provgate.model.RuleDescription;
import dev.provgate.model.Severity;
import java.util.List;

/**
 * The default rules: a version or file digest named by an advisory blocks; a git, URL or path component that only
 * shares the name of an affected registry package is a warning, never reported as compromised, and so is a registry
 * component whose version cannot be compared with the advisory's ranges ({@code latest}).
 */
public final class AdvisoryEvaluator implements Evaluator {
    public static final String MALICIOUS = "advisory/malicious";
    public static final String VULNERABLE = "advisory/vulnerable";
    public static final String NAME_ONLY = "advisory/name-only";

    private static final List<RuleDescription> RULES = List.of(
            new RuleDescription(MALICIOUS, "KnownMaliciousPackage", Severity.BLOCK,
                    "The locked version or file is a known-malicious release.",
                    "A malicious-package advisory names this version, or a locked file digest equals a known-bad "
                            + "file. Move to a version the advisory does not name, regenerate the lockfile, and "
                            + "treat machines that installed it as compromised: rotate the secrets they held."),
            new RuleDescription(VULNERABLE, "KnownVulnerablePackage", Severity.BLOCK,
                    "The locked version is affected by a published advisory.",
                    "Upgrade to a fixed version (the finding says which when the advisory does) and regenerate "
                            + "the lockfile, or record an exception with a reason, an owner and an expiry date."),
            new RuleDescription(NAME_ONLY, "AdvisoryNameOnly", Severity.WARN,
                    "A package from git, a URL or a path shares the name of a package an advisory names, or a "
                            + "registry package's version cannot be compared with the advisory's versions.",
                    "A component that does not come from the registry only shares the name: the advisory's "
                            + "versions do not apply to it. Check that the source is the one you intend; pin it to a "
                            + "commit or digest. A registry version that cannot be compared (latest, a tag): pin an "
                            + "exact version and check again."));

    @Override
    public List<RuleDescription> rules() {
        return RULES;
    }

    @Override
    public List<Finding> evaluate(ComponentEvidence evidence) {
        Component c = evidence.component();
        return evidence.of(AdvisoryMatch.class).stream().map(m -> finding(c, m)).toList();
    }

    private static Finding finding(Component c, AdvisoryMatch m) {
        String rule = m.basis() == MatchBasis.NAME_ONLY ? NAME_ONLY : m.malicious() ? MALICIOUS : VULNERABLE;
        Severity severity = m.basis() == MatchBasis.NAME_ONLY ? Severity.WARN : Severity.BLOCK;
        return new Finding(rule, severity, c, message(c, m), m.remediation(), List.of(), "", null, List.of(m));
    }

    private static String message(Component c, AdvisoryMatch m) {
        String what = switch (m.basis()) {
            case VERSION -> c.coordinates() + (m.malicious() ? " is a known-malicious version" : " is affected");
            case HASH -> "a locked file of " + c.coordinates() + " has the digest of a known-bad file"
                    + (m.malicious() ? " (malicious)" : "");
            case NAME_ONLY -> nameOnly(c);
        };
        String summary = m.summary().isEmpty() ? "" : ": " + m.summary();
        String id = m.advisoryId().isEmpty() ? "advisory without id" : m.advisoryId();
        return id + ": " + what + summary;
    }

    /** A git, URL or path component only shares the name; a registry one has no version, or one not comparable. */
    private static String nameOnly(Component c) {
        if (!c.source().kind().isRegistry()) {
            return c.name() + " comes from " + c.source().kind().label()
                    + (c.source().url().isEmpty() ? "" : " (" + c.source().url() + ")")
                    + " and only shares the name of the affected registry package";
        }
        if (RefKind.of(c).filter(RefKind::isImmutable).isPresent()) {
            return c.coordinates() + " is pinned to a commit; the advisory names versions (tags), and which commits "
                    + "they pointed to is not known offline: check this commit against the advisory";
        }
        if (c.version().isEmpty()) {
            return c.name() + " comes from the registry with no version locked: it may install a version the "
                    + "advisory names";
        }
        return c.coordinates() + " comes from the registry but its version cannot be compared with the advisory's "
                + "affected versions";
    }
}
