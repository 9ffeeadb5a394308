// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.ReleaseInfo;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every component gets release evidence: the stored time, or none with the reason. */
class ReleaseEnricherTest {
    @TempDir
    Path root;

    @Test
    void storedTimeOrAReasonForEveryComponent() {
        AttestationStore store = new AttestationStore(root);
        Instant t = Instant.parse("2024-12-04T18:09:58Z");
        new StoreWriter(store).writeRelease(Ecosystem.PYPI, "pypi-attestations", "0.0.19",
                new ReleaseRecord(t, "pypi upload_time", "https://pypi.mirror.invalid/pypi/pypi-attestations/0.0.19/json"));
        ReleaseEnricher enricher = new ReleaseEnricher(store);
        assertEquals(List.of(new ReleaseInfo(t,
                        "pypi upload_time https://pypi.mirror.invalid/pypi/pypi-attestations/0.0.19/json")),
                enricher.evidenceFor(Component.builder(Ecosystem.PYPI, "Pypi_Attestations", "0.0.19").build()));
        assertEquals(List.of(new ReleaseInfo(null, "no publish time in " + root
                        + " (run provgate attestations fetch)")),
                enricher.evidenceFor(Component.builder(Ecosystem.PYPI, "other", "1").build()));
        Component git = Component.builder(Ecosystem.NPM, "fork", "1.0.0")
                .source(Source.of(SourceKind.GIT, "git+https://example.invalid/fork.git")).build();
        assertEquals(List.of(new ReleaseInfo(null, "not a registry package version: no publish time")),
                enricher.evidenceFor(git));
    }
}
