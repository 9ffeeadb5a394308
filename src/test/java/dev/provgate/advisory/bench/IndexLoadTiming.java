// SPDX-License-Identifier: Apache-2.0
package dev.provgate.advisory.bench;

import dev.provgate.advisory.AdvisoryDatabase;
import dev.provgate.advisory.AdvisoryEnricher;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain timing run (not a unit test; surefire skips bench/): opens an imported database and enriches N synthetic
 * components (built before the clock starts), half of them named like make_synthetic.py's packages. Run in a
 * fresh JVM:
 * {@code java -cp target/classes:target/test-classes:LIBS dev.provgate.advisory.bench.IndexLoadTiming DB_DIR 3000}
 */
public final class IndexLoadTiming {
    private IndexLoadTiming() {
    }

    public static void main(String[] args) {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ecosystem e = i % 2 == 0 ? Ecosystem.NPM : Ecosystem.PYPI;
            String name = i % 4 < 2 ? "syn-" + e.osvName().toLowerCase(java.util.Locale.ROOT) + "-" + (i * 7) : "pkg-" + i;
            components.add(Component.builder(e, name, (i % 7) + "." + (i % 13) + ".1").build());
        }
        long start = System.nanoTime();
        AdvisoryDatabase db = AdvisoryDatabase.open(Optional.of(Path.of(args[0])));
        long opened = System.nanoTime();
        AdvisoryEnricher enricher = new AdvisoryEnricher(db);
        int hits = 0;
        for (Component c : components) {
            hits += enricher.evidenceFor(c).size();
        }
        long done = System.nanoTime();
        System.out.printf("%d records; open %.1f ms; %d components enriched in %.1f ms; %d matches%n", db.size(),
                (opened - start) / 1e6, n, (done - opened) / 1e6, hits);
    }
}
