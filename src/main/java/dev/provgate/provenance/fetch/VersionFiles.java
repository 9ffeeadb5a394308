// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.Component;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.provenance.store.RegistryDigests;
import dev.provgate.provenance.store.ReleaseRecord;
import dev.provgate.provenance.store.StoreWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What one fetch writes for one name@version: files found, files absent, the publish time. */
final class VersionFiles {
    private final StoreWriter writer;
    private final Component component;
    private final List<String> stored = new ArrayList<>();
    private final TreeSet<String> absent = new TreeSet<>();
    private final java.util.TreeMap<String, String> seen = new java.util.TreeMap<>();

    VersionFiles(StoreWriter writer, Component component) {
        this.writer = writer;
        this.component = component;
    }

    /** Stores the body when the registry had it, records the file as not published when it did not. */
    void put(String fileName, Optional<Network.Response> response) {
        if (response.isPresent()) {
            writer.write(component.ecosystem(), component.name(), component.version(), fileName,
                    response.get().body());
            stored.add(fileName);
        } else {
            absent.add(fileName);
        }
    }

    /** Records a file as not published because the registry's document says nothing of it, in those words. */
    void absentFromDocument(String fileName, String what) {
        absent.add(fileName);
        seen.put(fileName, what);
    }

    void put(String fileName, byte[] bytes) {
        writer.write(component.ecosystem(), component.name(), component.version(), fileName, bytes);
        stored.add(fileName);
    }

    void sha256(String fileName, String hex) {
        writer.writeSha256(component.name(), component.version(), fileName, hex);
        stored.add(fileName + AttestationStore.SHA256_SUFFIX);
    }

    void release(Optional<ReleaseRecord> release) {
        release.ifPresent(r -> {
            writer.writeRelease(component.ecosystem(), component.name(), component.version(), r);
            stored.add(AttestationStore.RELEASE);
        });
    }

    /** Records the digests the registry serves, when it gave any. */
    void registryDigests(RegistryDigests digests) {
        if (!digests.digests().isEmpty()) {
            writer.writeRegistryDigests(component.ecosystem(), component.name(), component.version(), digests);
            stored.add(AttestationStore.REGISTRY_DIGESTS);
        }
    }

    /** Records the repository the version declares, when the registry names a GitHub or GitLab one. */
    void declared(Optional<DeclaredRepository> declared) {
        declared.ifPresent(d -> {
            writer.writeDeclared(component.ecosystem(), component.name(), component.version(), d);
            stored.add(AttestationStore.DECLARED);
        });
    }

    /** Records the absences and says what was done; a registry that gave no publish time is named. */
    FetchOutcome done() {
        writer.recordNotPublished(component.ecosystem(), component.name(), component.version(), absent, seen);
        String note = stored.contains(AttestationStore.RELEASE) ? "" : "no publish time from the registry";
        return new FetchOutcome(component, FetchOutcome.Status.FETCHED, stored, List.copyOf(absent), note);
    }
}
