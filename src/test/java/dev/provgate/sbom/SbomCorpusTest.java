// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.lockfile.LockfileParser;
import dev.provgate.model.Component;
import dev.provgate.model.Inventory;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real SBOM in ../shared/corpus/sbom. The numbers come from scripts/corpus/sbom_counts.py (standard-library
 * Python, rules in its docstring), typed in here; sample entries were read off the files by hand.
 */
class SbomCorpusTest {
    private static final String CDX = "sbom/cyclonedx/";
    private static final String SPDX = "sbom/spdx/";

    static LockfileInventory read(String relative) {
        Path file = SharedData.corpus(relative);
        LockfileParser reader = relative.startsWith(SPDX) ? new SpdxJsonReader() : new CycloneDxJsonReader();
        try {
            return reader.parse(new LockfileSource(file.getFileName().toString(), Files.readAllBytes(file), "corpus"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file | components | distinct purls | edges | direct | hashes | per ecosystem
        CDX + "bom-examples-juice-shop-1.4__bom.1.4.json|1115|978|1589|71|1115|{NPM=1115}",
        CDX + "cdxgen-java-sec-code-1.5__bom-postgen-test2.json|199|199|397|48|995|{MAVEN=199}",
        CDX + "guac-quarkus-maven-plugin-1.4__quarkus-deps-cyclonedx.json|94|94|205|1|470|{MAVEN=94}",
        CDX + "trivy-fluentd-image-1.6__fluentd-multiple-lockfiles.cdx.json|161|161|209|56|55|{OTHER=161}",
        SPDX + "guac-kubectl-image-syft__oci-kubectl-linux-amd64-spdx-1.json|88|88|0|88|0|{OTHER=88}",
        SPDX + "spdx-examples-example11-k8s-bom__sbom.spdx.json|3|3|0|3|3|{OTHER=3}",
        SPDX + "spdx-examples-example8-maven-plugin__examplemaven-0.0.1.spdx.json|1|1|0|1|0|{OTHER=1}",
    })
    void countsMatchTheIndependentScript(String file, int components, int distinct, int edges, int direct,
                                         int hashes, String ecosystems) {
        LockfileInventory inv = read(file);
        assertEquals(components, inv.components().size(), "components");
        assertEquals(distinct, inv.distinctPurls().size(), "distinct purls");
        assertEquals(edges, inv.dependencies().size(), "edges");
        assertEquals(direct, inv.components().stream().filter(Component::direct).count(), "direct");
        assertEquals(hashes, inv.components().stream().mapToInt(c -> c.hashes().size()).sum(), "hashes");
        Map<String, Integer> perEcosystem = new TreeMap<>();
        inv.components().forEach(c -> perEcosystem.merge(c.ecosystem().name(), 1, Integer::sum));
        assertEquals(ecosystems, perEcosystem.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        // file | name | ecosystem version purl scope direct hashes location
        CDX + "bom-examples-juice-shop-1.4__bom.1.4.json|@babel/parser|"
                + "NPM 7.21.2 pkg:npm/%40babel/parser@7.21.2 runtime transitive SHA-512 bom.1.4.json:200",
        CDX + "bom-examples-juice-shop-1.4__bom.1.4.json|@gar/promisify|"
                + "NPM 1.1.3 pkg:npm/%40gar/promisify@1.1.3 optional transitive SHA-512 bom.1.4.json:404",
        CDX + "guac-quarkus-maven-plugin-1.4__quarkus-deps-cyclonedx.json|io.quarkus:quarkus-resteasy-reactive|"
                + "MAVEN 2.13.4.Final pkg:maven/io.quarkus/quarkus-resteasy-reactive@2.13.4.Final optional direct "
                + "MD5,SHA-1,SHA-256,SHA-384,SHA-512 quarkus-deps-cyclonedx.json:60",
        CDX + "cdxgen-java-sec-code-1.5__bom-postgen-test2.json|org.springframework.boot:spring-boot-starter-web|"
                + "MAVEN 1.5.1.RELEASE pkg:maven/org.springframework.boot/spring-boot-starter-web@1.5.1.RELEASE "
                + "runtime direct MD5,SHA-1,SHA-256,SHA-384,SHA-512 bom-postgen-test2.json:55",
        CDX + "trivy-fluentd-image-1.6__fluentd-multiple-lockfiles.cdx.json|debian|"
                + "OTHER 10.2 pkg:generic/debian@10.2 runtime direct  fluentd-multiple-lockfiles.cdx.json:75",
        CDX + "trivy-fluentd-image-1.6__fluentd-multiple-lockfiles.cdx.json|activesupport|"
                + "OTHER 6.0.2.1 pkg:gem/activesupport@6.0.2.1 runtime direct SHA-1 fluentd-multiple-lockfiles.cdx.json:6497",
        SPDX + "guac-kubectl-image-syft__oci-kubectl-linux-amd64-spdx-1.json|github.com/spf13/cobra|"
                + "OTHER v1.7.0 pkg:golang/github.com/spf13/cobra@v1.7.0 runtime direct  oci-kubectl-linux-amd64-spdx-1.json:1662",
        SPDX + "spdx-examples-example11-k8s-bom__sbom.spdx.json|tokio|"
                + "OTHER 1.19.2 pkg:cargo/tokio@1.19.2 runtime direct SHA-256 sbom.spdx.json:60",
        SPDX + "spdx-examples-example8-maven-plugin__examplemaven-0.0.1.spdx.json|JUnit|"
                + "OTHER 3.8.1 pkg:generic/JUnit@3.8.1 dev direct  examplemaven-0.0.1.spdx.json:13",
    })
    void sampleEntries(String file, String name, String expected) {
        LockfileInventory inv = read(file);
        List<String> found = inv.components().stream().filter(c -> c.name().equals(name))
                .map(c -> String.join(" ", c.ecosystem().name(), c.version(), c.purl(), c.scope().label(),
                        c.direct() ? "direct" : "transitive",
                        String.join(",", c.hashes().stream().map(h -> h.algorithm().cyclonedxName()).toList()),
                        shortLocation(c)))
                .toList();
        assertEquals(expected, found.get(0), found.toString());
    }

    @Test
    void everyCorpusSbomRewritesAsASchemaValidCycloneDx() {
        List<LockfileInventory> all = Stream.of(
                CDX + "bom-examples-juice-shop-1.4__bom.1.4.json",
                CDX + "cdxgen-java-sec-code-1.5__bom-postgen-test2.json",
                CDX + "guac-quarkus-maven-plugin-1.4__quarkus-deps-cyclonedx.json",
                CDX + "trivy-fluentd-image-1.6__fluentd-multiple-lockfiles.cdx.json",
                SPDX + "guac-kubectl-image-syft__oci-kubectl-linux-amd64-spdx-1.json",
                SPDX + "spdx-examples-example11-k8s-bom__sbom.spdx.json",
                SPDX + "spdx-examples-example8-maven-plugin__examplemaven-0.0.1.spdx.json")
                .map(SbomCorpusTest::read).toList();
        Inventory inventory = new Inventory(all);
        long distinct = inventory.components().map(Component::purl).distinct().count();
        for (SpecVersion version : SpecVersion.values()) {
            for (SbomFormat format : SbomFormat.values()) {
                byte[] sbom = new CycloneDxWriter().write(inventory, SbomTesting.options(version, format));
                SbomTesting.assertSchemaValid(sbom, format, version);
                LockfileParser reader = format == SbomFormat.JSON ? new CycloneDxJsonReader() : new CycloneDxXmlReader();
                LockfileInventory back = reader.parse(new LockfileSource("corpus.cdx", sbom, "test"));
                assertEquals(distinct, back.components().size(), format + " " + version.label());
            }
        }
    }

    @Test
    void debianPackagesFromSyftKeepTheirPurlTypeAndVersion() {
        Component baseFiles = read(SPDX + "guac-kubectl-image-syft__oci-kubectl-linux-amd64-spdx-1.json")
                .components().stream().filter(c -> c.name().equals("debian/base-files")).findFirst().orElseThrow();
        assertEquals("11.1+deb11u7", baseFiles.version());
        assertTrue(baseFiles.purl().startsWith("pkg:deb/debian/base-files@11.1"), baseFiles.purl());
        assertTrue(baseFiles.purl().contains("distro=debian-11"), baseFiles.purl());
        assertEquals(228, baseFiles.location().line());
    }

    @Test
    void juiceShopDistributionUrlIsTheSource() {
        Component parser = read(CDX + "bom-examples-juice-shop-1.4__bom.1.4.json").components().stream()
                .filter(c -> c.name().equals("@babel/parser")).findFirst().orElseThrow();
        assertEquals("https://npm.registry.invalid/@babel/parser/-/parser-7.21.2.tgz", parser.source().url());
        assertEquals("511a5a209430124102d93f4a9fe022e977bfd3688d6950ae4ff3eda11cf718f549543a4f77b98ba3e55d7536e10915"
                + "3d4d7a96e664ab41f5d9ca2f240ca395a5", parser.hashes().get(0).hex());
    }

    /** The corpus file name after the "source__" prefix, and the line. */
    private static String shortLocation(Component c) {
        String file = c.location().file();
        return file.substring(file.indexOf("__") + 2) + ":" + c.location().line();
    }
}
