// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.Component;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.provenance.store.MavenSignatures;
import dev.provgate.provenance.store.ReleaseRecord;
import dev.provgate.provenance.store.StoreWriter;
import java.io.IOException;
import java.util.Optional;

/**
 * Maven repositories: next to each locked file {@code X}, {@code X.sigstore.json} and {@code X.asc}; the file's
 * Last-Modified is the publish time; the version's POM names the declared source repository ({@link PomScm}). The
 * file itself is downloaded only when the lockfile has no sha256 for it, and then its sha256 is stored as
 * {@code X.sha256} for the verifier; otherwise the repository's checksum file {@code X.sha256}, when it serves one,
 * is stored there, so check compares the locked digest with the repository's.
 */
final class MavenFetcher implements EcosystemFetcher {
    private final RegistryClient client;
    private final StoreWriter writer;

    MavenFetcher(RegistryClient client, StoreWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    @Override
    public FetchOutcome fetch(Component c, String base) throws IOException {
        int colon = c.name().indexOf(':');
        String group = c.name().substring(0, colon);
        String artifact = c.name().substring(colon + 1);
        String folder = base + "/" + group.replace('.', '/') + "/" + RegistryClient.segment(artifact) + "/"
                + RegistryClient.segment(c.version()) + "/";
        VersionFiles files = new VersionFiles(writer, c);
        Optional<ReleaseRecord> release = Optional.empty();
        for (String file : MavenSignatures.fileNames(c, artifact)) {
            String url = folder + RegistryClient.segment(file);
            boolean hashLocked = lockedSha256(c, file);
            Optional<Network.Response> artifactResponse = hashLocked ? client.head(url) : client.get(url, "");
            if (artifactResponse.isEmpty()) {
                return FetchOutcome.failed(c, "not found in the repository: " + url);
            }
            if (!hashLocked) {
                files.sha256(file, Sha256.hex(artifactResponse.get().body()));
            } else {
                // the repository's own checksum, compared with the locked one by check (no download needed)
                client.get(url + ".sha256", "").flatMap(MavenFetcher::checksum).ifPresent(hex -> files.sha256(file, hex));
            }
            if (release.isEmpty()) {
                release = artifactResponse.get().header("last-modified").flatMap(RegistryClient::httpDate)
                        .map(t -> new ReleaseRecord(t, "maven Last-Modified", url));
            }
            files.put(file + AttestationStore.MAVEN_SIGSTORE_SUFFIX, client.get(url + ".sigstore.json", ""));
            files.put(file + AttestationStore.MAVEN_PGP_SUFFIX, client.get(url + ".asc", ""));
        }
        files.release(release);
        String pomUrl = folder + RegistryClient.segment(artifact + "-" + c.version() + ".pom");
        files.declared(client.get(pomUrl, "").flatMap(pom -> PomScm.declared(pom.body())));
        return files.done();
    }

    /** A checksum file holds the hex digest, optionally followed by the file name. */
    static Optional<String> checksum(Network.Response response) {
        String text = new String(response.body(), java.nio.charset.StandardCharsets.US_ASCII).strip();
        String first = text.isEmpty() ? "" : text.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        return first.matches("[0-9a-f]{64}") ? Optional.of(first) : Optional.empty();
    }

    private static boolean lockedSha256(Component c, String file) {
        return c.hashes().stream().anyMatch(h -> h.algorithm() == HashAlgorithm.SHA256
                && (h.fileName().isEmpty() || h.fileName().equals(file)));
    }
}
