// SPDX-License-Identifier: Apache-2.0
package dev.provgate.fuzz;

import dev.provgate.advisory.IndicatorsFile;
import dev.provgate.advisory.OsvParser;
import dev.provgate.lockfile.LockfileParser;
import dev.provgate.lockfile.LockfileParsers;
import dev.provgate.lockfile.maven.MavenResolutionSettings;
import dev.provgate.lockfile.maven.PomParser;
import dev.provgate.model.LockfileSource;
import dev.provgate.policy.PolicyLoader;
import dev.provgate.provenance.AttestationBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** One input format under fuzzing: the name its files go by, and the call that reads such bytes. */
record FuzzTarget(String name, String fileName, Consumer<byte[]> read) {

    /**
     * Every lockfile and SBOM parser (pom.xml resolved offline against an empty local repository), the policy
     * loader, the OSV record and indicators readers and the attestation bundle reader.
     */
    static List<FuzzTarget> all(Path emptyLocalRepository) {
        List<FuzzTarget> targets = new ArrayList<>();
        PomParser offlinePom = new PomParser(new MavenResolutionSettings(emptyLocalRepository, "", true));
        for (LockfileParser p : LockfileParsers.all()) {
            LockfileParser parser = p instanceof PomParser ? offlinePom : p;
            String file = FuzzSeeds.canonicalName(parser);
            targets.add(new FuzzTarget(parser.name(), file,
                    bytes -> parser.parse(new LockfileSource(file, bytes, ""))));
        }
        targets.add(new FuzzTarget("policy", "trust-tiers.yaml",
                bytes -> PolicyLoader.parse("trust-tiers.yaml", bytes)));
        targets.add(new FuzzTarget("osv-record", "osv.json", bytes -> OsvParser.parse("osv.json", bytes)));
        targets.add(new FuzzTarget("indicators", "indicators.json",
                bytes -> IndicatorsFile.parse("indicators.json", bytes)));
        targets.add(new FuzzTarget("attestation-bundle", "bundle.sigstore.json",
                bytes -> AttestationBundle.parse("bundle.sigstore.json", bytes)));
        return targets;
    }
}
