// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.model.Component;
import dev.provgate.model.InstallScript;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Formats that record install scripts say RUNS or NONE per package; formats without the field leave every package
 * UNRECORDED, which the install-scripts rule never takes for "none".
 */
class InstallScriptRecordingTest {
    /** Component totals as the parser tests list them; RUNS where those lists show "install". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sources-and-flags.v3.json|package-lock.json|{RUNS=1, NONE=7}",
        "scoped-packages.v3.json|package-lock.json|{NONE=2}",
        "alias.v2.json|package-lock.json|{NONE=1}",
        "nested.v1.json|package-lock.json|{UNRECORDED=6}",
        "importers-peers.v5.pnpm-lock.yaml|pnpm-lock.yaml|{RUNS=1, NONE=8}",
        "peers-patches.v6.pnpm-lock.yaml|pnpm-lock.yaml|{NONE=6}",
        "catalogs-snapshots.v9.pnpm-lock.yaml|pnpm-lock.yaml|{UNRECORDED=8}",
        "classic-multiple-ranges.yarn.lock|yarn.lock|{UNRECORDED=6}",
        "berry-protocols.yarn.lock|yarn.lock|{UNRECORDED=11}",
    })
    void recordsWhatTheFormatCanTell(String fixture, String lockfileName, String expected) {
        LockfileParser parser = LockfileParsers.forPath(lockfileName).orElseThrow();
        Map<InstallScript, Long> counts = parser.parse(Fixtures.source(fixture, lockfileName)).components().stream()
                .collect(Collectors.groupingBy(Component::installScript, TreeMap::new, Collectors.counting()));
        assertEquals(expected, counts.toString());
    }
}
