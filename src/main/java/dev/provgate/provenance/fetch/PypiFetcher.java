// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.model.Component;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.Purls;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.DeclaredRepository;
import dev.provgate.provenance.store.RegistryDigests;
import dev.provgate.provenance.store.ReleaseRecord;
import dev.provgate.provenance.store.RepositoryUrls;
import dev.provgate.provenance.store.StoreWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * PyPI: the JSON API ({@code /pypi/<project>/<version>/json}) gives the files, their upload times and the
 * declared source repository ({@code info.project_urls}); the
 * Integrity API ({@code /integrity/<project>/<version>/<file>/provenance}) gives one provenance object per file.
 * Only the files the lockfile locks are asked for; when it names none, every file of the release.
 */
final class PypiFetcher implements EcosystemFetcher {
    private static final List<String> SOURCE_LABELS = List.of("Source", "Repository", "Source Code");
    private static final String INTEGRITY_MEDIA_TYPE = "application/vnd.pypi.integrity.v1+json";
    private final RegistryClient client;
    private final StoreWriter writer;

    PypiFetcher(RegistryClient client, StoreWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    @Override
    public FetchOutcome fetch(Component c, String base) throws IOException {
        String project = Purls.normalizePypiName(c.name());
        String version = RegistryClient.segment(c.version());
        String releaseUrl = base + "/pypi/" + project + "/" + version + "/json";
        Optional<JsonNode> release = client.getJson(releaseUrl);
        if (release.isEmpty()) {
            return FetchOutcome.failed(c, "not found in the index: " + releaseUrl);
        }
        VersionFiles files = new VersionFiles(writer, c);
        files.release(firstUpload(release.get()).map(t -> new ReleaseRecord(t, "pypi upload_time", releaseUrl)));
        files.declared(declared(release.get()));
        files.registryDigests(new RegistryDigests(digests(release.get()), "pypi urls.digests", releaseUrl));
        for (String file : fileNames(c, release.get())) {
            String url = base + "/integrity/" + project + "/" + version + "/" + RegistryClient.segment(file)
                    + "/provenance";
            files.put(file + AttestationStore.PYPI_PROVENANCE_SUFFIX, client.get(url, INTEGRITY_MEDIA_TYPE));
        }
        return files.done();
    }

    private static Set<String> fileNames(Component c, JsonNode release) {
        Set<String> locked = new TreeSet<>();
        c.hashes().stream().map(Hash::fileName).filter(n -> !n.isEmpty()).forEach(locked::add);
        if (locked.isEmpty()) {
            release.path("urls").forEach(u -> locked.add(u.path("filename").asText()));
            locked.remove("");
        }
        return locked;
    }

    /** The sha256 digests the JSON API gives for each file of the release. */
    static List<Hash> digests(JsonNode release) {
        List<Hash> out = new ArrayList<>();
        for (JsonNode u : release.path("urls")) {
            String file = u.path("filename").asText("");
            String sha256 = u.path("digests").path("sha256").asText("");
            if (!file.isEmpty() && sha256.matches("[0-9a-fA-F]{64}")) {
                out.add(new Hash(HashAlgorithm.SHA256, sha256, file));
            }
        }
        return out;
    }

    /** The first GitHub or GitLab URL among {@code info.project_urls} Source, Repository, Source Code. */
    static Optional<DeclaredRepository> declared(JsonNode release) {
        JsonNode urls = release.path("info").path("project_urls");
        for (String wanted : SOURCE_LABELS) {
            for (Iterator<Map.Entry<String, JsonNode>> it = urls.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String raw = e.getValue().asText("");
                Optional<String> repository = RepositoryUrls.normalise(raw);
                if (e.getKey().strip().equalsIgnoreCase(wanted) && repository.isPresent()) {
                    return Optional.of(new DeclaredRepository(repository.get(), "pypi project_urls." + e.getKey(),
                            raw));
                }
            }
        }
        return Optional.empty();
    }

    /** The earliest upload of the release's files: when the version became installable. */
    private static Optional<Instant> firstUpload(JsonNode release) {
        Instant first = null;
        for (JsonNode u : release.path("urls")) {
            String iso = u.path("upload_time_iso_8601").asText("");
            Optional<Instant> t = RegistryClient.instant(iso.isEmpty() ? u.path("upload_time").asText("") + "Z" : iso);
            if (t.isPresent() && (first == null || t.get().isBefore(first))) {
                first = t.get();
            }
        }
        return Optional.ofNullable(first);
    }
}
