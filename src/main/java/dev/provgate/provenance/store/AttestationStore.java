// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The offline attestation store: what {@code provgate attestations fetch} wrote, read back for verification and
 * the release-age rule. Layout in docs/attestations.md and {@link StoreLayout}. Reading never touches the network.
 */
public final class AttestationStore {
    public static final String DEFAULT_FOLDER = "attestations";
    public static final String NPM_ATTESTATIONS = "attestations.json";
    public static final String NPM_REGISTRY_SIGNATURES = "registry-signatures.json";
    public static final String PYPI_PROVENANCE_SUFFIX = ".provenance";
    public static final String MAVEN_SIGSTORE_SUFFIX = ".sigstore.json";
    public static final String MAVEN_PGP_SUFFIX = ".asc";
    public static final String SHA256_SUFFIX = ".sha256";
    public static final String RELEASE = "release.json";
    public static final String DECLARED = "declared.json";
    public static final String REGISTRY_DIGESTS = "registry-digests.json";
    public static final String NOT_PUBLISHED = "not-published.json";
    public static final String IDENTITIES = "identities.json";

    private final StoreLayout layout;
    private final IdentityPins identities;

    public AttestationStore(Path root) {
        this.layout = new StoreLayout(root);
        this.identities = new IdentityPins(layout);
    }

    /** The store of the project under the first scanned path: {@code <dir>/attestations}. */
    public static AttestationStore forProject(List<Path> paths) {
        Path first = paths.isEmpty() ? Path.of(".") : paths.get(0);
        Path dir = Files.isRegularFile(first) ? first.toAbsolutePath().getParent() : first;
        return new AttestationStore(dir.resolve(DEFAULT_FOLDER));
    }

    public StoreLayout layout() {
        return layout;
    }

    public Path root() {
        return layout.root();
    }

    /** The registry's attestations endpoint response for {@code name@version}, as fetched. */
    public Optional<byte[]> npmAttestations(String name, String version) {
        return StoreFiles.read(layout.file(Ecosystem.NPM, name, version, NPM_ATTESTATIONS));
    }

    /** {@code {name, version, integrity, signatures: [{keyid, sig}]}} from the packument's {@code dist}. */
    public Optional<byte[]> npmRegistrySignatures(String name, String version) {
        return StoreFiles.read(layout.file(Ecosystem.NPM, name, version, NPM_REGISTRY_SIGNATURES));
    }

    /** The Integrity API provenance objects of the version, one {@code <distfile>.provenance} per file, sorted. */
    public List<Path> pypiProvenance(String name, String version) {
        Path dir = layout.versionDir(Ecosystem.PYPI, name, version);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(PYPI_PROVENANCE_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new ProvgateException(dir.toString(), 0, "cannot list: " + e.getMessage(), e);
        }
    }

    /** The distribution file a provenance file belongs to: {@code x.whl.provenance} gives {@code x.whl}. */
    public static String distributionOf(Path provenanceFile) {
        String n = provenanceFile.getFileName().toString();
        return n.substring(0, n.length() - PYPI_PROVENANCE_SUFFIX.length());
    }

    /** The bundle, PGP signature and computed digest stored for one artifact file; empty when none is. */
    public Optional<MavenSignatures> maven(String group, String artifact, String version, String fileName) {
        String name = group + ":" + artifact;
        Optional<Path> bundle = existing(layout.file(Ecosystem.MAVEN, name, version, fileName + MAVEN_SIGSTORE_SUFFIX));
        Optional<Path> asc = existing(layout.file(Ecosystem.MAVEN, name, version, fileName + MAVEN_PGP_SUFFIX));
        Optional<String> sha256 = StoreFiles.read(layout.file(Ecosystem.MAVEN, name, version, fileName + SHA256_SUFFIX))
                .map(b -> new String(b, StandardCharsets.US_ASCII).strip());
        MavenSignatures found = new MavenSignatures(fileName, bundle, asc, sha256);
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /** The publish time with its origin (and for npm the install-script fact), from {@code release.json}. */
    public Optional<ReleaseRecord> release(Component component) {
        Path file = layout.file(component.ecosystem(), component.name(), component.version(), RELEASE);
        return StoreFiles.readJson(file).map(json -> releaseOf(file, json));
    }

    public Optional<Instant> publishedAt(Component component) {
        return release(component).map(ReleaseRecord::publishedAt);
    }

    /** The source repository the version declares in its registry metadata, from {@code declared.json}. */
    public Optional<DeclaredRepository> declaredRepository(Component component) {
        Path file = layout.file(component.ecosystem(), component.name(), component.version(), DECLARED);
        return StoreFiles.readJson(file).map(json -> declaredOf(file, json));
    }

    /** The digests the registry serves for the version's files, from {@code registry-digests.json}. */
    public Optional<RegistryDigests> registryDigests(Component component) {
        Path file = layout.file(component.ecosystem(), component.name(), component.version(), REGISTRY_DIGESTS);
        return StoreFiles.readJson(file).map(json -> {
            List<Hash> digests = new ArrayList<>();
            for (JsonNode d : json.path("digests")) {
                HashAlgorithm algorithm = HashAlgorithm.parse(d.path("algorithm").asText(""))
                        .orElseThrow(() -> new ProvgateException(file.toString(), 0, "unknown digest algorithm "
                                + d.path("algorithm")));
                try {
                    digests.add(new Hash(algorithm, d.path("hex").asText(""), d.path("file").asText("")));
                } catch (IllegalArgumentException e) {
                    throw new ProvgateException(file.toString(), 0, "not a " + algorithm.cyclonedxName()
                            + " digest: " + d.path("hex"));
                }
            }
            return new RegistryDigests(digests, json.path("source").asText(""), json.path("url").asText(""));
        });
    }

    /** What fetch saw for a file it records as not published, when the registry did not simply answer 404. */
    public Optional<String> notPublishedSeen(Ecosystem ecosystem, String name, String version, String fileName) {
        Path file = layout.file(ecosystem, name, version, NOT_PUBLISHED);
        return StoreFiles.readJson(file).map(json -> json.path("seen").path(fileName).asText(""))
                .filter(s -> !s.isEmpty());
    }

    /**
     * The files the registry answered "not found" for at fetch time (e.g. {@code attestations.json}): the package
     * publishes none, which is different from "never fetched".
     */
    public Set<String> notPublished(Ecosystem ecosystem, String name, String version) {
        Path file = layout.file(ecosystem, name, version, NOT_PUBLISHED);
        Set<String> names = new TreeSet<>();
        StoreFiles.readJson(file).ifPresent(json -> json.path("files").forEach(n -> names.add(n.asText())));
        return names;
    }

    /** The trust-on-first-use signer identities of this store (one instance, so pinning is serialised). */
    public IdentityPins identities() {
        return identities;
    }

    private static ReleaseRecord releaseOf(Path file, JsonNode json) {
        String when = json.path("publishedAt").asText("");
        try {
            JsonNode scripts = json.path("installScript");
            if (!scripts.isMissingNode() && !scripts.isBoolean()) {
                throw new ProvgateException(file.toString(), 0, "installScript is not true or false: " + scripts);
            }
            return new ReleaseRecord(Instant.parse(when), json.path("source").asText(""), json.path("url").asText(""),
                    scripts.isBoolean() ? scripts.booleanValue() : null);
        } catch (DateTimeParseException e) {
            throw new ProvgateException(file.toString(), 0, "publishedAt is not an ISO-8601 instant: '" + when + "'");
        }
    }

    private static DeclaredRepository declaredOf(Path file, JsonNode json) {
        String declared = json.path("declared").asText("");
        String repository = RepositoryUrls.normalise(json.path("repository").asText("")).orElseThrow(() ->
                new ProvgateException(file.toString(), 0, "repository is not a GitHub or GitLab repository URL: '"
                        + json.path("repository").asText("") + "'"));
        return new DeclaredRepository(repository, json.path("source").asText(""), declared);
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
