// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.cli.CliRunner;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.SignerIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TanStack lesson on real provenance (@playwright/cli 0.1.1: release-triggered publish.yml on a tag): the policy
 * names the workflow, a ref pattern and the triggers it accepts or forbids, and pinned builds must not change.
 */
class BuildPolicyTest {
    @TempDir
    Path dir;

    private ProvenanceProject project(String tier0Provenance, String identity) {
        return new ProvenanceProject(dir).npmAttested().policy("""
                version: 1
                builtin_classification: false
                default_tier: critical
                tiers:
                  0:
                    name: critical
                    requires:
                      provenance: %s
                identities:
                  - package: pkg:npm/@playwright/cli
                    repository: microsoft/playwright-cli
                %s
                """.formatted(tier0Provenance, identity));
    }

    private CliRunner.Result check(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "check";
        args[1] = dir.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRunner.run(args);
    }

    @Test
    void workflowRefAndTriggersOfTheReleaseAsThePolicyNamesThem() {
        project("signature", "    workflow: .github/workflows/publish.yml\n    ref: refs/tags/v*\n"
                + "    triggers: [release, push]");
        CliRunner.Result ok = check();
        assertFalse(ok.out().contains("@playwright/cli@0.1.1  "), ok.out());
        assertFalse(ok.out().contains("unexpected signer"), ok.out());

        project("signature", "    ref: refs/heads/*");
        CliRunner.Result branch = check();
        assertEquals(1, branch.exitCode(), branch.out() + branch.err());
        assertTrue(branch.out().contains("git ref is 'refs/tags/v0.1.1'"), branch.out());

        project("signature", "    triggers: [push]");
        CliRunner.Result trigger = check();
        assertEquals(1, trigger.exitCode(), trigger.out() + trigger.err());
        assertTrue(trigger.out().contains("trigger release, expected one of push"), trigger.out());
    }

    @Test
    void tierZeroForbidsTheRiskyTriggersByDefaultAndThePolicyCanForbidOthers() {
        project("{level: signature, forbidden_triggers: [release]}", "");
        CliRunner.Result r = check();
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("npm-provenance was built by a workflow triggered by release "
                + "(.github/workflows/publish.yml), which this tier forbids"), r.out());
        project("signature", "");
        assertFalse(check().out().contains("which this tier forbids"), "release is not forbidden by default");
    }

    @Test
    void aPinnedBuildFromAnotherWorkflowIsAFindingNamingTheEarlierVersion() throws Exception {
        ProvenanceProject p = project("signature", "");
        CliRunner.Result pinned = check("--pin-identities");
        Path pins = p.store().root().resolve("npm/@playwright/cli/identities.json");
        String text = Files.readString(pins);
        assertTrue(text.contains("\"trigger\" : \"release\""), text);
        assertTrue(text.contains("\"builder\" : \"https://github.com/actions/runner/github-hosted\""), text);
        p.store().identities().pin(Ecosystem.NPM, "@playwright/cli", "npm-provenance", "0.1.0", new SignerIdentity(
                "https://token.actions.githubusercontent.com", "", "https://github.com/microsoft/playwright-cli",
                "https://github.com/microsoft/playwright-cli/.github/workflows/release.yml@refs/tags/v0.1.0", "", ""));
        CliRunner.Result changed = check();
        assertEquals(1, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.out().contains("built by a different workflow than @playwright/cli@0.1.0 was"),
                changed.out() + pinned.out());
    }
}
