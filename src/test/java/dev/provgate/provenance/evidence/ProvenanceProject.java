// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provgate.model.Ecosystem;
import dev.provgate.provenance.store.AttestationStore;
import dev.provgate.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A project in a temporary folder with lockfiles and an attestation store filled, at test time, from the real
 * vectors in ../shared/sigstore (never copied into the repository). Digests are typed from
 * ../shared/sigstore/README.md, independently of any parser.
 */
public final class ProvenanceProject {
    public static final String PLAYWRIGHT_INTEGRITY =
            "sha512-9k11ZfDwAfMVDDIuEVW1Wvs8SoDNXIY1dNQ+9C9/SS8ZmElkcxesu5eoL7vNa96ntibUGaq1TM2qQoqvdl/I9g==";
    public static final String SIGSTORE_INTEGRITY =
            "sha512-e+qfbn/zf1+rCza/BhIA//Awmf0v1pa5HQS8Xk8iXrn9bgytytVLqYD0P7NSqZ6IELTgq+tcDvLPkQjNHyWLNg==";
    public static final String TUF_JS_INTEGRITY =
            "sha512-1dxsQwESDzACJjTdYHQ4wJ1f/of7jALWKfJEHSBWUQB/5UTJUx9SW6GHXp4mZ1KvdBRJCpGjssoPFGi4hvw8/A==";
    /** Another valid sha512 integrity (of kms-demo 1.0.0): a lockfile that locks a different tarball. */
    public static final String OTHER_INTEGRITY =
            "sha512-QqZ7VJ/8xPkS9s2IWB7Shj3qTJdcRyeXKbPQnsZjsPEwvutGv0EGeVchPcauoiDFJlGbZMFq5GDCurAGNSghJQ==";
    public static final String PYPI_ATTESTATIONS_SDIST = "pypi_attestations-0.0.19.tar.gz";
    public static final String PYPI_ATTESTATIONS_SHA256 =
            "9bb1add04b1b4e182be6b0b80931593f7a291eb49d69b4fd728a5d4cbcdc4bd3";
    public static final String SIGSTORE_JAVA_JAR_SHA256 =
            "f338c08740cdb2e663737abaf372fc3c442210ab7291c991e180797bd886cd61";
    public static final String JUNIT_JAR_SHA256 = "afff77c186cd317275803872fa5133aa801fd6ac40bd91c78a6cf8009b4b17cc";
    public static final String JUNIT_KEYRING = "pgp-keys/junit-marc-philipp-FF6E2C001948C5F2F38B0CC385911F425EC61B51.asc";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final AttestationStore store;
    private final Map<String, String> npmLocked = new LinkedHashMap<>();

    public ProvenanceProject(Path dir) {
        this.dir = dir;
        this.store = new AttestationStore(dir.resolve(AttestationStore.DEFAULT_FOLDER));
    }

    public Path dir() {
        return dir;
    }

    public AttestationStore store() {
        return store;
    }

    public static Path shared(String relative) {
        return SharedData.require("sigstore/" + relative);
    }

    /** Locks {@code name@version} in package-lock.json with this integrity (rewrites the whole file). */
    public ProvenanceProject npm(String name, String version, String integrity) {
        npmLocked.put(name + "@" + version, integrity);
        String packages = npmLocked.entrySet().stream().map(e -> {
            int at = e.getKey().lastIndexOf('@');
            String n = e.getKey().substring(0, at);
            String v = e.getKey().substring(at + 1);
            String file = n.substring(n.lastIndexOf('/') + 1) + "-" + v + ".tgz";
            return "    \"node_modules/" + n + "\": {\"version\": \"" + v + "\", \"resolved\": "
                    + "\"https://npm.registry.invalid/" + n + "/-/" + file + "\", \"integrity\": \"" + e.getValue()
                    + "\"}";
        }).collect(Collectors.joining(",\n"));
        String deps = npmLocked.keySet().stream().map(k -> {
            int at = k.lastIndexOf('@');
            return "\"" + k.substring(0, at) + "\": \"" + k.substring(at + 1) + "\"";
        }).collect(Collectors.joining(", "));
        write(dir.resolve("package-lock.json"), "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n"
                + "  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n"
                + "    \"\": {\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {" + deps + "}},\n"
                + packages + "\n  }\n}\n");
        return this;
    }

    /** pylock.toml locking pypi-attestations 0.0.19's sdist with this sha256. */
    public ProvenanceProject pylock(String sha256) {
        write(dir.resolve("pylock.toml"), """
                lock-version = "1.0"
                created-by = "provgate-test"

                [[packages]]
                name = "pypi-attestations"
                version = "0.0.19"
                index = "https://pypi.registry.invalid/simple"

                [packages.sdist]
                name = "%s"
                url = "https://files.registry.invalid/packages/%s"
                hashes = {sha256 = "%s"}
                """.formatted(PYPI_ATTESTATIONS_SDIST, PYPI_ATTESTATIONS_SDIST, sha256));
        return this;
    }

    /** gradle.lockfile with the given {@code group:artifact:version} lines (Gradle locks no hashes). */
    public ProvenanceProject gradle(String... coordinates) {
        StringBuilder sb = new StringBuilder("# This is a Gradle generated file for dependency locking.\n");
        for (String c : coordinates) {
            sb.append(c).append("=runtimeClasspath\n");
        }
        write(dir.resolve("gradle.lockfile"), sb.append("empty=\n").toString());
        return this;
    }

    /** maven-lockfile's lockfile.json locking sigstore-java 2.0.0's jar with this sha256. */
    public ProvenanceProject mavenLockfile(String sha256) {
        write(dir.resolve("lockfile.json"), """
                {"artifactId": "app", "groupId": "org.app", "version": "1", "lockFileVersion": 1,
                 "dependencies": [{"groupId": "dev.sigstore", "artifactId": "sigstore-java", "version": "2.0.0",
                   "checksumAlgorithm": "SHA-256", "checksum": "%s", "scope": "compile",
                   "resolved": "https://maven.repo.invalid/dev/sigstore/sigstore-java/2.0.0/sigstore-java-2.0.0.jar",
                   "selectedVersion": "2.0.0", "included": true, "children": []}]}
                """.formatted(sha256));
        return this;
    }

    /** Copies a shared vector into the store as {@code file} of {@code name@version}. */
    public ProvenanceProject stored(Ecosystem ecosystem, String name, String version, String file, String shared) {
        try {
            Path target = storePath(ecosystem, name, version, file);
            Files.createDirectories(target.getParent());
            Files.copy(shared(shared), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ProvenanceProject storedText(Ecosystem ecosystem, String name, String version, String file, String text) {
        write(storePath(ecosystem, name, version, file), text);
        return this;
    }

    /** The registry's {@code dist.signatures} of a case in npm-cli/registry-signatures.json, in the store's form. */
    public ProvenanceProject registrySignatures(String name, String version) {
        try {
            for (JsonNode c : JSON.readTree(shared("npm-cli/registry-signatures.json").toFile()).path("cases")) {
                if (c.path("name").asText().equals(name) && c.path("version").asText().equals(version)
                        && c.path("expect").asBoolean()) {
                    Map<String, Object> stored = new LinkedHashMap<>();
                    stored.put("integrity", c.path("integrity").asText());
                    stored.put("name", name);
                    stored.put("signatures", List.of(Map.of("keyid", c.path("keyid").asText(),
                            "sig", c.path("sig").asText())));
                    stored.put("version", version);
                    return storedText(Ecosystem.NPM, name, version, AttestationStore.NPM_REGISTRY_SIGNATURES,
                            JSON.writeValueAsString(stored));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no registry signature case " + name + "@" + version);
    }

    public ProvenanceProject publishedAt(Ecosystem ecosystem, String name, String version, String instant) {
        return storedText(ecosystem, name, version, AttestationStore.RELEASE,
                "{\"publishedAt\": \"" + instant + "\", \"source\": \"test\", \"url\": \"\"}");
    }

    /** The repository the version declares in its registry metadata, as fetch records it in declared.json. */
    public ProvenanceProject declared(Ecosystem ecosystem, String name, String version, String repository) {
        return storedText(ecosystem, name, version, AttestationStore.DECLARED, "{\"declared\": \"" + repository
                + "\", \"repository\": \"" + repository + "\", \"source\": \"test repository\"}");
    }

    public ProvenanceProject notPublished(Ecosystem ecosystem, String name, String version, String... files) {
        String list = java.util.Arrays.stream(files).map(f -> "\"" + f + "\"").collect(Collectors.joining(", "));
        return storedText(ecosystem, name, version, AttestationStore.NOT_PUBLISHED, "{\"files\": [" + list + "]}");
    }

    /** The three npm packages with real attestations, locked with their real integrity and fully stored. */
    public ProvenanceProject npmAttested() {
        npm("@playwright/cli", "0.1.1", PLAYWRIGHT_INTEGRITY);
        npm("sigstore", "1.0.0", SIGSTORE_INTEGRITY);
        npm("tuf-js", "1.0.0", TUF_JS_INTEGRITY);
        stored(Ecosystem.NPM, "@playwright/cli", "0.1.1", AttestationStore.NPM_ATTESTATIONS,
                "sigstore-dotnet/playwright-cli-0.1.1-attestations.json");
        notPublished(Ecosystem.NPM, "@playwright/cli", "0.1.1", AttestationStore.NPM_REGISTRY_SIGNATURES);
        stored(Ecosystem.NPM, "sigstore", "1.0.0", AttestationStore.NPM_ATTESTATIONS,
                "npm-cli/sigstore-1.0.0.attestations.json");
        registrySignatures("sigstore", "1.0.0");
        publishedAt(Ecosystem.NPM, "sigstore", "1.0.0", "2023-02-09T17:56:00Z");
        stored(Ecosystem.NPM, "tuf-js", "1.0.0", AttestationStore.NPM_ATTESTATIONS,
                "npm-cli/tuf-js-1.0.0.attestations.json");
        registrySignatures("tuf-js", "1.0.0");
        publishedAt(Ecosystem.NPM, "tuf-js", "1.0.0", "2023-02-09T17:38:25Z");
        return this;
    }

    /** pypi-attestations 0.0.19 locked with its real sdist sha256, its provenance object stored. */
    public ProvenanceProject pypiAttested() {
        pylock(PYPI_ATTESTATIONS_SHA256);
        return stored(Ecosystem.PYPI, "pypi-attestations", "0.0.19",
                PYPI_ATTESTATIONS_SDIST + AttestationStore.PYPI_PROVENANCE_SUFFIX,
                "pypi-attestations/" + PYPI_ATTESTATIONS_SDIST + ".provenance");
    }

    /** sigstore-java 2.0.0 (bundle, .asc, jar sha256 from fetch) and junit-jupiter-api 5.10.2 (.asc only). */
    public ProvenanceProject mavenSigned() {
        gradle("dev.sigstore:sigstore-java:2.0.0", "org.junit.jupiter:junit-jupiter-api:5.10.2");
        String sj = "dev.sigstore:sigstore-java";
        stored(Ecosystem.MAVEN, sj, "2.0.0", "sigstore-java-2.0.0.jar.sigstore.json",
                "maven-central/sigstore-java-2.0.0.jar.sigstore.json");
        stored(Ecosystem.MAVEN, sj, "2.0.0", "sigstore-java-2.0.0.jar.asc", "maven-central/sigstore-java-2.0.0.jar.asc");
        storedText(Ecosystem.MAVEN, sj, "2.0.0", "sigstore-java-2.0.0.jar.sha256", SIGSTORE_JAVA_JAR_SHA256 + "\n");
        String junit = "org.junit.jupiter:junit-jupiter-api";
        stored(Ecosystem.MAVEN, junit, "5.10.2", "junit-jupiter-api-5.10.2.jar.asc",
                "maven-central/junit-jupiter-api-5.10.2.jar.asc");
        storedText(Ecosystem.MAVEN, junit, "5.10.2", "junit-jupiter-api-5.10.2.jar.sha256", JUNIT_JAR_SHA256 + "\n");
        return notPublished(Ecosystem.MAVEN, junit, "5.10.2", "junit-jupiter-api-5.10.2.jar.sigstore.json");
    }

    public ProvenanceProject policy(String yaml) {
        write(dir.resolve("trust-tiers.yaml"), yaml);
        return this;
    }

    private Path storePath(Ecosystem ecosystem, String name, String version, String file) {
        return store.layout().file(ecosystem, name, version, file);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
