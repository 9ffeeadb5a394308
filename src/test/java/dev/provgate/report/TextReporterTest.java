// SPDX-License-Identifier: Apache-2.0
package dev.provgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextReporterTest {
    @Test
    void tableThenDetailsThenSummary() {
        String text = SampleResults.render(new TextReporter(SampleResults.settings(false)), SampleResults.mixed());
        assertTrue(text.startsWith("BLOCKED: 3 findings (1 block, 1 warn, 1 info) in 2 lockfiles, 5 packages; "
                + "1 suppressed; 2 dev packages not checked (--ignore-dev)\n"
                + "    by rule: advisory/malicious 1, advisory/name-only 1, tier/info 1\n\n"
                + "SEVERITY            PACKAGE               RULE                LOCATION\n"
                + "block               flatmap-stream@0.1.1  advisory/malicious  app/package-lock.json:57\n"
                + "    MAL-2018-1: flatmap-stream@0.1.1 is a known-malicious version: flatmap-stream 0.1.1 steals "
                + "wallets\n"
                + "    aliases: GHSA-mh6f-8j2x-4483\n"
                + "    transitive: express@4.18.2 > event-stream@3.3.6 > flatmap-stream@0.1.1\n"
                + "    fix: remove event-stream 3.3.6\n"), text);
        assertTrue(text.contains("block (suppressed)  event-stream@3.3.6"), text);
        assertTrue(text.contains("    suppressed: vendored and reviewed (security-team, until 2026-12-31)\n"), text);
        assertTrue(text.endsWith("\nBLOCKED: 3 findings (1 block, 1 warn, 1 info) in 2 lockfiles, 5 packages; "
                + "1 suppressed; 2 dev packages not checked (--ignore-dev)\n"), text);
    }

    @Test
    void cleanResultIsTheSummaryAlone() {
        assertEquals("PASSED: 0 findings (0 block, 0 warn) in 1 lockfile, 1 package\n",
                SampleResults.render(new TextReporter(SampleResults.settings(false)), SampleResults.clean()));
    }

    @Test
    void colourOnlyWhenAllowedAndNeverFromTheLockfile() {
        String plain = SampleResults.render(new TextReporter(SampleResults.settings(false)), SampleResults.mixed());
        String coloured = SampleResults.render(new TextReporter(SampleResults.settings(true)), SampleResults.mixed());
        assertFalse(plain.contains("\u001b"), plain);
        assertFalse(plain.contains("\u0001"), plain);
        assertTrue(coloured.contains("\u001b[31mblock "), coloured);
        assertTrue(coloured.contains("\u001b[1m\u001b[31mBLOCKED: "), coloured);
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9]+m", ""));
    }

    @Test
    void largeCountsAreGrouped() {
        assertEquals("1,204 packages", FindingText.counted(1204, "package"));
        assertEquals("1 lockfile", FindingText.counted(1, "lockfile"));
    }
}
