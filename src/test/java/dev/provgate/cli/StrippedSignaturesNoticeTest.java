// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.provgate.model.Ecosystem;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose npm packages were all fetched without registry signatures says so once, at the top of check. */
class StrippedSignaturesNoticeTest {
    private static final String NOTICE = "0 of 3 npm packages fetched into ";

    @TempDir
    Path project;

    @BeforeEach
    void lockThreePackages() throws IOException {
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(new byte[64]);
        StringBuilder packages = new StringBuilder("\"\": {\"name\": \"p\"}");
        for (String name : new String[] {"a", "b", "c"}) {
            packages.append(", \"node_modules/").append(name).append("\": {\"version\": \"1.0.0\", \"resolved\": ")
                    .append("\"https://npm.registry.invalid/").append(name).append("/-/").append(name)
                    .append("-1.0.0.tgz\", \"integrity\": \"").append(integrity).append("\"}");
        }
        Files.writeString(project.resolve("package-lock.json"),
                "{\"name\": \"p\", \"lockfileVersion\": 3, \"packages\": {" + packages + "}}\n");
    }

    private void fetchedWithoutSignatures(String... names) {
        StoreWriter store = new StoreWriter(new AttestationStore(project.resolve("attestations")));
        for (String name : names) {
            store.recordNotPublished(Ecosystem.NPM, name, "1.0.0", Set.of(AttestationStore.NPM_REGISTRY_SIGNATURES));
        }
    }

    @Test
    void saidOnceAtTheTopOfTheTextReport() {
        fetchedWithoutSignatures("a", "b", "c");
        CliRunner.Result r = CliRunner.check(project, "--no-policy", "--offline");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().split(NOTICE, -1).length - 1, r.out());
        assertEquals(0, r.out().indexOf("note: " + NOTICE), r.out());
    }

    @Test
    void machineFormatsKeepTheirOutputAndSayItOnStandardError() {
        fetchedWithoutSignatures("a", "b", "c");
        CliRunner.Result r = CliRunner.check(project, "--no-policy", "--offline", "--format", "json");
        assertFalse(r.out().contains(NOTICE), r.out());
        assertEquals(1, r.err().split(NOTICE, -1).length - 1, r.err());
    }

    @Test
    void packagesNeverFetchedSayNothing() {
        CliRunner.Result r = CliRunner.check(project, "--no-policy", "--offline");
        assertFalse(r.out().contains("registry signatures"), r.out());
        assertFalse(r.err().contains("registry signatures"), r.err());
    }
}
