// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.check.AdvisoryEvaluator;
import dev.provgate.check.CheckPipeline;
import dev.provgate.model.CheckResult;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Finding;
import dev.provgate.model.Inventory;
import dev.provgate.model.Location;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.Severity;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enricher in the check pipeline with the built-in snapshot: the LiteLLM finding, the git look-alike. */
class AdvisoryCheckTest {
    private static CheckResult check(Component... components) {
        Inventory inventory = new Inventory(List.of(new LockfileInventory("requirements.txt", "python/requirements",
                Ecosystem.PYPI, List.of(components), List.of())));
        return new CheckPipeline(List.of(new AdvisoryEnricher(AdvisoryDatabase.builtIn())),
                List.of(new AdvisoryEvaluator()), List.of()).run(inventory, new CheckPipeline.Options(Severity.BLOCK,
                false));
    }

    private static Component litellm(String version) {
        return Component.builder(Ecosystem.PYPI, "litellm", version).direct(true)
                .location(new Location("requirements.txt", 3)).build();
    }

    @Test
    void litellm1828Blocks() {
        CheckResult r = check(litellm("1.82.8"));
        assertTrue(r.blocked());
        Finding f = r.verdict().findings().stream().filter(x -> x.message().startsWith("MAL-2026-2144")).findFirst()
                .orElseThrow();
        assertEquals(AdvisoryEvaluator.MALICIOUS, f.ruleId());
        assertEquals("MAL-2026-2144: litellm@1.82.8 is a known-malicious version: malicious code in litellm 1.82.7, "
                + "1.82.8", f.message());
        assertEquals("pin litellm to 1.82.6 or earlier", f.remediation());
        assertEquals("requirements.txt:3", f.location().toString());
    }

    @Test
    void litellm1826Passes() {
        assertFalse(check(litellm("1.82.6")).blocked());
    }

    @Test
    void aGitLookAlikeWarnsOnly() {
        CheckResult r = check(litellm("1.82.8").toBuilder()
                .source(Source.of(SourceKind.GIT, "git+https://example.invalid/litellm.git@abc")).build());
        assertFalse(r.blocked());
        assertTrue(r.verdict().findings().stream().allMatch(f -> f.ruleId().equals(AdvisoryEvaluator.NAME_ONLY)
                && f.severity() == Severity.WARN));
    }
}
