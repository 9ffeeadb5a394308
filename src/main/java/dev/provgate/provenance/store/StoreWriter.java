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

    /** Records the digests the registry serves, sorted by file and algorithm ({@code registry-digests.json}). */
    public void writeRegistryDigests(Ecosystem ecosystem, String name, String version, RegistryDigests digests) {
        List<Map<String, String>> list = digests.digests().stream().sorted().map(h -> {
            Map<String, String> d = new TreeMap<>();
            d.put("algorithm", h.algorithm().cyclonedxName());
            d.put("file", h.fileName());
            d.put("hex", h.hex());
            return d;
        }).toList();
        Map<String, Object> json = new TreeMap<>();
        json.put("digests", list);
        json.put("source", digests.source());
        json.put("url", digests.url());
        write(ecosystem, name, version, AttestationStore.REGISTRY_DIGESTS, StoreFiles.jsonBytes(json));
    }

    /**
     * Records the files the registry answered 404 for, replacing the previous record; files found since are
     * no longer listed.
     */
    public void recordNotPublished(Ecosystem ecosystem, String name, String version, Set<String> fileNames) {
        recordNotPublished(ecosystem, name, version, fileNames, Map.of());
    }

    /**
     * As above, with what was seen for files the registry did not answer 404 for ({@code seen}: file name to, for
     * example, "the registry document has no dist.signatures"); files without an entry were answered not found.
     */
    public void recordNotPublished(Ecosystem ecosystem, String name, String version, Set<String> fileNames,
                                   Map<String, String> seen) {
        Set<String> sorted = new TreeSet<>(fileNames);
        if (sorted.isEmpty() && store.notPublished(ecosystem, name, version).isEmpty()) {
            return;
        }
        Map<String, Object> json = new TreeMap<>();
        json.put("files", List.copyOf(sorted));
        if (!seen.isEmpty()) {
            json.put("seen", new TreeMap<>(seen));
        }
        write(ecosystem, name, version, AttestationStore.NOT_PUBLISHED, StoreFiles.jsonBytes(json));
    }
}
