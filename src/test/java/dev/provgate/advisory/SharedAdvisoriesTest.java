// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.advisory.AffectedVersions.Outcome;
import dev.provgate.model.Ecosystem;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real OSV records in ../shared/advisories, read in place. */
class SharedAdvisoriesTest {
    static List<OsvRecord> sharedRecords() throws IOException {
        Path root = SharedData.require("advisories");
        try (Stream<Path> walk = Files.walk(root.resolve("osv"))) {
            return walk.filter(Files::isRegularFile).sorted().map(p -> parse(root, p)).toList();
        }
    }

    private static OsvRecord parse(Path root, Path p) {
        try {
            return OsvParser.parse(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyRecordLoads() throws IOException {
        List<OsvRecord> records = sharedRecords();
        // 43 files: 39 JSON, 4 YAML (counted with find osv -type f)
        assertEquals(43, records.size());
        assertTrue(records.stream().allMatch(r -> !r.id().isEmpty() && !r.affected().isEmpty()));
        assertEquals(List.of("MAL-0000-ghsa-malware-979ed75d242b491b", "MAL-0000-rxpermissions"),
                records.stream().filter(OsvRecord::idMissing).map(OsvRecord::id).sorted().toList());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "litellm|1.82.6|false", "litellm|1.82.7|true", "litellm|1.82.8|true", "litellm|1.82.9|false",
    })
    void everyLitellmRecordMatchesExactlyTheTwoVersions(String name, String version, boolean affected)
            throws IOException {
        List<OsvRecord> litellm = sharedRecords().stream()
                .filter(r -> r.affected().stream().anyMatch(a -> a.name().equals(name))).toList();
        // MAL-2026-2144, PYSEC-2026-2, GHSA-5mg7-485q-xm76 and the id-less GHSA-92x9-889m-jgmw copy
        assertEquals(4, litellm.size());
        for (OsvRecord r : litellm) {
            assertEquals(affected, r.affected().stream().anyMatch(a -> AffectedVersions.evaluate(a, Ecosystem.PYPI,
                    version) == Outcome.AFFECTED), r.id() + " at " + version);
        }
    }

    @Test
    void theSnapshotHoldsTheSameFactsAsTheRecords() throws IOException {
        Path root = SharedData.require("advisories");
        byte[] indicatorsJson = Files.readAllBytes(root.resolve("indicators.json"));
        List<IndicatorsFile.Indicator> indicators = IndicatorsFile.parse("indicators.json", indicatorsJson);
        List<OsvRecord> expected = IndicatorsFile.attachCommits(IndicatorsFile.attach(sharedRecords(), indicators),
                        IndicatorsFile.parseCommits("indicators.json", indicatorsJson)).stream()
                .sorted(Comparator.comparing(OsvRecord::source)).toList();
        AdvisoryDatabase snapshot = AdvisoryDatabase.builtIn();
        List<OsvRecord> actual = snapshot.all().stream().map(StoredRecord::record)
                .sorted(Comparator.comparing(OsvRecord::source)).toList();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            OsvRecord e = expected.get(i);
            OsvRecord a = actual.get(i);
            assertEquals(e.source(), a.source());
            assertEquals(List.of(e.id(), e.idMissing(), e.aliases(), e.published(), e.modified(), e.malicious()),
                    List.of(a.id(), a.idMissing(), a.aliases(), a.published(), a.modified(), a.malicious()), e.id());
            assertEquals(e.affected(), a.affected(), e.id());
            assertEquals(e.digests().stream().sorted(Comparator.comparing(FileDigest::sha256)).toList(),
                    a.digests().stream().sorted(Comparator.comparing(FileDigest::sha256)).toList(), e.id());
        }
    }

    @Test
    void gitAndYamlShapesAreRead() throws IOException {
        OsvRecord ultralytics = sharedRecords().stream().filter(r -> r.id().equals("PYSEC-2024-154")).findFirst()
                .orElseThrow();
        OsvAffected a = ultralytics.affected().get(0);
        assertEquals(List.of("8.3.41", "8.3.42", "8.3.45", "8.3.46", "8.3.43", "8.3.44"), a.versions());
        assertTrue(AffectedVersions.listedOutsideRanges(a, Ecosystem.PYPI).isEmpty());
        assertFalse(ultralytics.malicious());
    }
}
