// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.provenance.store.RegistryDigests;
import dev.provgate.provenance.store.ReleaseRecord;
import dev.provgate.provenance.store.RepositoryUrls;
import dev.provgate.provenance.store.StoreFiles;
import dev.provgate.provenance.store.StoreWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * npm: the packument gives {@code dist.signatures}, {@code dist.integrity}, {@code time[version]}, whether the
 * version runs install scripts, and its declared {@code repository}; the
 * attestations endpoint {@code /-/npm/v1/attestations/<name>@<version>} gives the Sigstore bundles, stored as is.
 * The endpoint is asked on the configured registry even when the packument does not advertise
 * {@code dist.attestations} (mirrors often drop it), and a 404 is recorded as "not published"; a 404 for
 * attestations the packument advertises is a failure, never "not published".
 */
final class NpmFetcher implements EcosystemFetcher {
    private final RegistryClient client;
    private final StoreWriter writer;

    NpmFetcher(RegistryClient client, StoreWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    @Override
    public FetchOutcome fetch(Component c, String base) throws IOException {
        String packumentUrl = base + "/" + RegistryClient.segment(c.name());
        Optional<JsonNode> packument = client.getJson(packumentUrl, NpmFetcher::needed);
        if (packument.isEmpty()) {
            return FetchOutcome.failed(c, "not found in the registry: " + packumentUrl);
        }
        JsonNode version = packument.get().path("versions").path(c.version());
        if (!version.isObject()) {
            return FetchOutcome.failed(c, "version " + c.version() + " not in the packument: " + packumentUrl);
        }
        VersionFiles files = new VersionFiles(writer, c);
        JsonNode dist = version.path("dist");
        files.registryDigests(new RegistryDigests(distDigests(dist), "npm dist.integrity and dist.shasum",
                packumentUrl));
        if (dist.path("signatures").isArray() && dist.path("signatures").size() > 0) {
            files.put(AttestationStore.NPM_REGISTRY_SIGNATURES, StoreFiles.jsonBytes(signatures(c, dist)));
        } else {
            files.absentFromDocument(AttestationStore.NPM_REGISTRY_SIGNATURES,
                    "the registry document has no dist.signatures (" + packumentUrl + ")");
        }
        files.release(RegistryClient.instant(packument.get().path("time").path(c.version()).asText(null))
                .map(t -> new ReleaseRecord(t, "npm time", packumentUrl, runsInstallScripts(version))));
        files.declared(declared(version));
        String attestationsUrl = base + "/-/npm/v1/attestations/" + RegistryClient.segment(c.name()) + "@"
                + RegistryClient.segment(c.version());
        Optional<Network.Response> attestations = client.get(attestationsUrl, "application/json");
        if (attestations.isEmpty() && dist.has("attestations")) {
            return FetchOutcome.failed(c, "the packument advertises attestations but " + attestationsUrl
                    + " answered 404 (a mirror that does not pass the attestations endpoint through?)");
        }
        files.put(AttestationStore.NPM_ATTESTATIONS, attestations);
        return files.done();
    }

    /** Fields of a version entry that verification, the release-age and the install-scripts rules read. */
    private static final java.util.Set<String> VERSION_FIELDS = java.util.Set.of("dist", "repository", "scripts",
            "hasInstallScript", "gypfile");
    private static final java.util.Set<String> LIFECYCLE = java.util.Set.of("preinstall", "install", "postinstall");

    /**
     * What of a packument is kept (and cached): {@code name}, {@code time} and, per version, the fields above, with
     * only the install lifecycle scripts. Readmes, descriptions, maintainers and dependency lists are dropped: they
     * are most of a large packument. A body that is not a JSON object is kept as is (the caller reports it).
     */
    static byte[] needed(byte[] packument) {
        try {
            JsonNode doc = StoreFiles.mapper().readTree(packument);
            if (!(doc instanceof com.fasterxml.jackson.databind.node.ObjectNode all)) {
                return packument;
            }
            com.fasterxml.jackson.databind.node.ObjectNode kept = StoreFiles.mapper().createObjectNode();
            kept.set("name", all.get("name"));
            kept.set("time", all.get("time"));
            com.fasterxml.jackson.databind.node.ObjectNode versions = kept.putObject("versions");
            all.path("versions").fields().forEachRemaining(v -> {
                com.fasterxml.jackson.databind.node.ObjectNode one = versions.putObject(v.getKey());
                v.getValue().fields().forEachRemaining(f -> {
                    if (VERSION_FIELDS.contains(f.getKey())) {
                        one.set(f.getKey(), f.getKey().equals("scripts") ? lifecycle(f.getValue()) : f.getValue());
                    }
                });
            });
            return StoreFiles.mapper().writeValueAsBytes(kept);
        } catch (IOException e) {
            return packument;
        }
    }

    private static JsonNode lifecycle(JsonNode scripts) {
        com.fasterxml.jackson.databind.node.ObjectNode out = StoreFiles.mapper().createObjectNode();
        scripts.fields().forEachRemaining(s -> {
            if (LIFECYCLE.contains(s.getKey())) {
                out.set(s.getKey(), s.getValue());
            }
        });
        return out;
    }

    /** {@code dist.integrity} (SRI) and {@code dist.shasum} (sha1 hex) of the tarball. */
    static List<Hash> distDigests(JsonNode dist) {
        List<Hash> out = new ArrayList<>(RegistryDigests.ofSri(dist.path("integrity").asText(""), ""));
        String shasum = dist.path("shasum").asText("");
        if (shasum.matches("[0-9a-fA-F]{40}") && out.stream().noneMatch(h -> h.algorithm() == HashAlgorithm.SHA1)) {
            out.add(new Hash(HashAlgorithm.SHA1, shasum, ""));
        }
        return out;
    }

    /**
     * Whether installing the version runs code: the registry's {@code hasInstallScript}, a preinstall, install or
     * postinstall script, or a {@code gypfile} (npm then runs node-gyp rebuild).
     */
    static boolean runsInstallScripts(JsonNode version) {
        JsonNode scripts = version.path("scripts");
        return version.path("hasInstallScript").asBoolean(false) || version.path("gypfile").asBoolean(false)
                || scripts.has("preinstall") || scripts.has("install") || scripts.has("postinstall");
    }

    /** {@code versions[v].repository}: a string ({@code github:o/r}, a URL) or {@code {type, url, directory}}. */
    static Optional<DeclaredRepository> declared(JsonNode version) {
        JsonNode repository = version.path("repository");
        String raw = repository.isTextual() ? repository.asText() : repository.path("url").asText("");
        return RepositoryUrls.normalise(raw).map(r -> new DeclaredRepository(r, "npm repository", raw));
    }

    private static Map<String, Object> signatures(Component c, JsonNode dist) {
        Map<String, Object> json = new TreeMap<>();
        json.put("name", c.name());
        json.put("version", c.version());
        json.put("integrity", dist.path("integrity").asText(""));
        json.put("signatures", dist.path("signatures"));
        return json;
    }
}
