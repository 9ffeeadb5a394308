// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.Ecosystem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Fills the store: what the fetchers found, as fetched, plus the publish time and what was not published. */
public final class StoreWriter {
    private final AttestationStore store;
    private final StoreLayout layout;

    public StoreWriter(AttestationStore store) {
        this.store = store;
        this.layout = store.layout();
    }

    /** Stores a registry response as is under the version's folder. */
    public void write(Ecosystem ecosystem, String name, String version, String fileName, byte[] bytes) {
        StoreFiles.write(layout.root(), layout.file(ecosystem, name, version, fileName), bytes);
    }

    /** Stores a computed artifact digest next to the artifact's signatures ({@code <file>.sha256}). */
    public void writeSha256(String mavenName, String version, String fileName, String hex) {
        write(Ecosystem.MAVEN, mavenName, version, fileName + AttestationStore.SHA256_SUFFIX,
                (hex + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    public void writeRelease(Ecosystem ecosystem, String name, String version, ReleaseRecord release) {
        Map<String, Object> json = new TreeMap<>();
        json.put("publishedAt", release.publishedAt().toString());
        json.put("source", release.source());
        json.put("url", release.url());
        if (release.installScript() != null) {
            json.put("installScript", release.installScript());
        }
        write(ecosystem, name, version, AttestationStore.RELEASE, StoreFiles.jsonBytes(json));
    }

    public void writeDeclared(Ecosystem ecosystem, String name, String version, DeclaredRepository declared) {
        Map<String, String> json = new TreeMap<>();
        json.put("declared", declared.declared());
        json.put("repository", declared.repository());
        json.put("source", declared.source());
        write(ecosystem, name, version, AttestationStore.DECLARED, StoreFiles.jsonBytes(json));
    }

    /**
     * Records the files the registry answered 404 for, replacing the previous record; files found since are
     * no longer listed.
     */
    public void recordNotPublished(Ecosystem ecosystem, String name, String version, Set<String> fileNames) {
        Set<String> sorted = new TreeSet<>(fileNames);
        if (sorted.isEmpty() && store.notPublished(ecosystem, name, version).isEmpty()) {
            return;
        }
        write(ecosystem, name, version, AttestationStore.NOT_PUBLISHED,
                StoreFiles.jsonBytes(Map.of("files", List.copyOf(sorted))));
    }
}
