// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store in a hostile repository: links in it neither leak a file into an error nor take a write outside. */
class StoreLinkTest {

    @Test
    void aWriteThroughAPackageFolderLinkedOutsideIsRefused(@TempDir Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path store = Files.createDirectories(dir.resolve("repo/attestations/npm"));
        Files.createSymbolicLink(store.resolve("chalk"), outside);
        StoreWriter writer = new StoreWriter(new AttestationStore(store.getParent()));
        ProvgateException e = assertThrows(ProvgateException.class, () -> writer.write(Ecosystem.NPM, "chalk",
                "5.0.0", "attestations.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("a symbolic link leads outside the store"), e.getMessage());
        try (var listing = Files.list(outside)) {
            assertEquals(0, listing.count());
        }
    }

    @Test
    void aStoreWhoseRootIsALinkStillWritesInsideItsRealPath(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real-store"));
        Path link = Files.createSymbolicLink(dir.resolve("attestations"), real);
        new StoreWriter(new AttestationStore(link)).write(Ecosystem.NPM, "chalk", "5.0.0", "attestations.json",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(real.resolve("npm/chalk/5.0.0/attestations.json")));
    }

    @Test
    void aStoreFileLinkedOutOfTheWorkTreeIsNotRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("token"), "//registry/:_authToken=npm_SECRET\n");
        Path repo = Files.createDirectories(dir.resolve("repo/.git")).getParent();
        Path version = Files.createDirectories(repo.resolve("attestations/npm/chalk/5.0.0"));
        Files.createSymbolicLink(version.resolve("attestations.json"), secret);
        AttestationStore store = new AttestationStore(repo.resolve("attestations"));
        ProvgateException e = assertThrows(ProvgateException.class,
                () -> StoreFiles.readJson(version.resolve("attestations.json")));
        assertFalse(e.userMessage().contains("SECRET"), e.userMessage());
        assertTrue(e.getMessage().startsWith("a symbolic link to a file outside"), e.getMessage());
        assertTrue(store.root().endsWith("attestations"));
    }
}
