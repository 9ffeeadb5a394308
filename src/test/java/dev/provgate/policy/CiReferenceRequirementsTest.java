// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Component;
import dev.provgate.model.ComponentEvidence;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.RefKind;
import dev.provgate.model.ReleaseInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The requirements as they apply to CI references (the attributes the workflow readers set). */
class CiReferenceRequirementsTest {
    private static final String SHA = "11bd71901bbe5b1630ceea73d27597364c9af683";

    static Component action(String name, String ref, String comment) {
        return Component.builder(Ecosystem.GITHUB_ACTIONS, name, ref)
                .attribute(RefKind.REF, ref)
                .attribute(RefKind.ATTRIBUTE, RefKind.ofGitRef(ref).label())
                .attribute(RefKind.VERSION_COMMENT, comment)
                .build();
    }

    private static List<String> findings(PolicyEngine engine, Component c, ReleaseInfo... release) {
        return engine.evaluate(List.of(new ComponentEvidence(c, List.of(release)))).stream()
                .map(f -> f.severity().label() + " " + f.ruleId() + ": " + f.message()).toList();
    }

    @ParameterizedTest(name = "{0}@{1}")
    @CsvSource(delimiter = '|', value = {
            "actions/checkout|" + SHA + "|",
            "tj-actions/changed-files|v45|block tier/pinning: tj-actions/changed-files@v45 is a tag reference, which "
                    + "can be moved to other code",
            "owner/repo|main|block tier/pinning: owner/repo@main is a branch reference, which can be moved to other "
                    + "code",
            "owner/repo|latest|block tier/pinning: owner/repo@latest is a tag or branch reference, which can be moved "
                    + "to other code",
            "owner/repo|${{ env.REF }}|block tier/pinning: owner/repo@${{ env.REF }} is an expression: nothing pins "
                    + "what it runs",
            "owner/repo||block tier/pinning: owner/repo names no ref: it runs whatever the default branch holds"})
    void pinningWantsAFullCommitSha(String name, String ref, String expected) {
        PolicyEngine engine = PolicyTesting.requiring("pinning: sha");
        assertEquals(expected == null ? List.of() : List.of(expected),
                findings(engine, action(name, ref == null ? "" : ref, "")));
    }

    @Test
    void pinningIgnoresPackagesAndReportsCommentConflicts() {
        PolicyEngine engine = PolicyTesting.requiring("pinning: {level: sha, severity: warn}");
        assertEquals(List.of(), findings(engine, PolicyTesting.npm("left-pad", "1.3.0").build()));
        Component conflicting = action("actions/checkout", SHA, "v4.2.2").toBuilder()
                .attribute(RefKind.PIN_CONFLICT, "the comment says v4.2.2 but b.yml:3 pins v4.2.2 to 000")
                .build();
        assertEquals(List.of("warn tier/pinning: actions/checkout@" + SHA + ": the comment says v4.2.2 but b.yml:3 "
                + "pins v4.2.2 to 000"), findings(engine, conflicting));
    }

    @Test
    void allowedOwnersCompareTheOwnerWithoutCase() {
        PolicyEngine engine = PolicyTesting.requiring("allowed_owners: [actions, GitHub]");
        assertEquals(List.of(), findings(engine, action("github/codeql-action/init", "v3", "")));
        assertEquals(List.of(), findings(engine, action("Actions/checkout", SHA, "")));
        assertEquals(List.of(), findings(engine, PolicyTesting.npm("left-pad", "1.3.0").build()));
        assertEquals(List.of("block tier/owners: owner tj-actions of tj-actions/changed-files is not in "
                + "allowed_owners (actions, GitHub)"), findings(engine, action("tj-actions/changed-files", SHA, "")));
    }

    @Test
    void hashesAreMetByACommitPinOnly() {
        PolicyEngine engine = PolicyTesting.requiring("hashes: true");
        assertEquals(List.of(), findings(engine, action("actions/checkout", SHA, "v4.2.2")));
        assertEquals(List.of("block tier/hashes: actions/checkout@v4 names a tag: nothing pins its content"),
                findings(engine, action("actions/checkout", "v4", "")));
    }

    @Test
    void cooldownAppliesWhereTheTagDateIsKnownAndIsAnInfoNoteElsewhere() {
        PolicyEngine engine = PolicyTesting.requiring("min_release_age: 7d");
        Component tag = action("owner/tool", "v1.0.0", "");
        List<String> unknown = findings(engine, tag, new ReleaseInfo(null, "no publish time in attestations"));
        assertEquals(1, unknown.size());
        assertTrue(unknown.get(0).startsWith("info tier/release-age: unverified: no tag date for owner/tool@v1.0.0"),
                unknown.get(0));
        Instant yesterday = PolicyTesting.NOW.minusSeconds(86_400);
        assertEquals(List.of("block tier/release-age: published " + yesterday + " (24h ago), younger than the 7d "
                + "cooldown"), findings(engine, tag, new ReleaseInfo(yesterday, "attestations")));
    }

    @Test
    void patternsAndEcosystemRulesPlaceActions() {
        PolicyEngine engine = PolicyTesting.engine("""
                builtin_classification: false
                tiers:
                  0: {name: critical}
                  1: {name: tooling}
                  2: {name: product}
                rules:
                  - package: pkg:githubactions/actions/*
                    tier: product
                  - ecosystem: githubactions
                    tier: tooling
                """);
        assertEquals("product", engine.classify(action("actions/checkout", "v4", "")).tier().name());
        assertEquals("tooling", engine.classify(action("github/codeql-action/init", "v3", "")).tier().name());
        assertEquals("tooling", engine.classify(action("tj-actions/changed-files", "v45", "")).tier().name());
    }
}
