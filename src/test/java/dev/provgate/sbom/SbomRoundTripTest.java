// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the writer puts in, the readers get back: purls, versions, hashes, scopes, direct flags and edges. */
class SbomRoundTripTest {
    static Stream<SpecVersion> versions() {
        return Stream.of(SpecVersion.values());
    }

    @ParameterizedTest
    @MethodSource("versions")
    void jsonAndXmlReadBackAsWritten(SpecVersion version) {
        Inventory inventory = SbomTesting.sampleInventory();
        Set<String> expected = facts(inventory.components().toList());
        Set<String> expectedEdges = edges(inventory);
        for (SbomFormat format : SbomFormat.values()) {
            byte[] sbom = new CycloneDxWriter().write(inventory, SbomTesting.options(version, format));
            String name = format == SbomFormat.JSON ? "out.cdx.json" : "out.cdx.xml";
            LockfileParser reader = format == SbomFormat.JSON ? new CycloneDxJsonReader() : new CycloneDxXmlReader();
            LockfileInventory back = reader.parse(new LockfileSource(name, sbom, "test"));
            assertEquals(expected, facts(back.components()), format + " " + version.label());
            assertEquals(expectedEdges, new TreeSet<>(back.dependencies().stream().map(Dependency::toString).toList()));
        }
    }

    /** An SBOM keeps "runs one", "runs none" and "not recorded" apart, so a check of the SBOM judges as of the lockfile. */
    @ParameterizedTest
    @MethodSource("versions")
    void installScriptFactsReadBackAsWritten(SpecVersion version) {
        List<Component> npm = List.of(
                Component.builder(Ecosystem.NPM, "esbuild", "0.20.0").installScript(InstallScript.RUNS).build(),
                Component.builder(Ecosystem.NPM, "left-pad", "1.3.0").installScript(InstallScript.NONE).build(),
                Component.builder(Ecosystem.NPM, "chalk", "5.3.0").build(),
                Component.builder(Ecosystem.PYPI, "requests", "2.31.0").build());
        Inventory inventory = new Inventory(List.of(new LockfileInventory("app/package-lock.json",
                "npm/package-lock", Ecosystem.NPM, npm, List.of())));
        for (SbomFormat format : SbomFormat.values()) {
            byte[] sbom = new CycloneDxWriter().write(inventory, SbomTesting.options(version, format));
            LockfileParser reader = format == SbomFormat.JSON ? new CycloneDxJsonReader() : new CycloneDxXmlReader();
            LockfileInventory back = reader.parse(new LockfileSource(format == SbomFormat.JSON ? "out.cdx.json"
                    : "out.cdx.xml", sbom, "test"));
            assertEquals("[chalk UNRECORDED, esbuild RUNS, left-pad NONE, requests NONE]", back.components().stream()
                    .map(c -> c.name() + " " + c.installScript()).sorted().toList().toString(), format.name());
        }
    }

    /** One line per purl: the merged facts the SBOM is meant to carry. */
    private static Set<String> facts(List<Component> components) {
        Set<String> out = new TreeSet<>();
        components.stream().map(Component::purl).distinct().forEach(purl -> {
            List<Component> same = components.stream().filter(c -> c.purl().equals(purl)).toList();
            Component first = same.get(0);
            Set<String> hashes = new TreeSet<>();
            same.forEach(c -> c.hashes().stream().map(SbomRoundTripTest::hash).forEach(hashes::add));
            boolean direct = same.stream().anyMatch(Component::direct);
            boolean runtime = same.stream().anyMatch(c -> c.scope() == dev.provgate.model.Scope.RUNTIME);
            out.add(String.join(" ", purl, first.ecosystem().name(), first.name(), first.version(),
                    runtime ? "runtime" : first.scope().label(), Boolean.toString(direct),
                    first.source().kind().label(), first.source().url(), hashes.toString(),
                    first.attributes().toString()));
        });
        return out;
    }

    private static String hash(Hash h) {
        return h.algorithm().cyclonedxName() + ":" + h.hex() + (h.fileName().isEmpty() ? "" : "@" + h.fileName());
    }

    private static Set<String> edges(Inventory inventory) {
        Set<String> purls = new TreeSet<>(inventory.components().map(Component::purl).toList());
        List<String> out = new ArrayList<>();
        inventory.lockfiles().forEach(lf -> lf.dependencies().stream()
                .filter(d -> purls.contains(d.from()) && purls.contains(d.to()))
                .forEach(d -> out.add(d.toString())));
        return new TreeSet<>(out);
    }
}
