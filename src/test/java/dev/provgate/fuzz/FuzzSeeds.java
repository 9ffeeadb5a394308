// SPDX-License-Identifier: Apache-2.0
package dev.provgate.fuzz;

import dev.provgate.lockfile.LockfileParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The seed corpus of each target: the project's own fixtures (src/test/resources, testdata/) whose names say their
 * format, plus, for the longer script run, the real-world corpus in ../shared read in place.
 */
final class FuzzSeeds {
    /** The file names the formats go by; each parser accepts the first one it recognises. */
    private static final List<String> NAMES = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml", "requirements.txt", "poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock",
            "pylock.toml", "pom.xml", "lockfile.json", "gradle.lockfile", "verification-metadata.xml",
            "dependency-tree.txt", "bom.json", "bom.xml", "bom.spdx.json", "sbom.cdx.json", "sbom.spdx.json",
            ".github/workflows/ci.yml", "action.yml", ".gitlab-ci.yml");
    private static final long MAX_SEED_BYTES = 256 * 1024;

    private FuzzSeeds() {
    }

    static String canonicalName(LockfileParser parser) {
        return NAMES.stream().filter(parser::accepts).findFirst()
                .orElseThrow(() -> new IllegalStateException("no file name for parser " + parser.name()));
    }

    /** Seeds for a target: files under the roots whose name (or a folder hint) says they are of its format. */
    static List<byte[]> forTarget(FuzzTarget target, List<Path> roots) {
        List<byte[]> seeds = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (matches(target, root.relativize(f).toString().replace('\\', '/'))
                            && Files.size(f) <= MAX_SEED_BYTES) {
                        seeds.add(Files.readAllBytes(f));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static boolean matches(FuzzTarget target, String relative) {
        String path = relative.toLowerCase(Locale.ROOT);
        String file = path.substring(path.lastIndexOf('/') + 1);
        String canonicalPath = target.fileName().toLowerCase(Locale.ROOT);
        String canonical = canonicalPath.substring(canonicalPath.lastIndexOf('/') + 1);
        return switch (target.name()) {
            case "policy" -> path.contains("policy/") && file.endsWith(".yaml") || file.equals("trust-tiers.yaml");
            case "osv-record" -> path.contains("advisory/") && file.endsWith(".json") && !file.contains("indicator")
                    || path.contains("advisories/osv/") && file.endsWith(".json");
            case "indicators" -> file.contains("indicators") && file.endsWith(".json");
            case "attestation-bundle" -> path.contains("bundles/") || file.endsWith(".sigstore.json")
                    || file.endsWith(".sigstore");
            default -> file.equals(canonical) || file.endsWith("." + canonical) || file.endsWith("-" + canonical)
                    || folderHint(target.fileName(), path, file);
        };
    }

    /** Fixtures named for their case ({@code alias.v2.json}) sit in a folder that says the format. */
    private static boolean folderHint(String canonical, String path, String file) {
        return switch (canonical) {
            case "package-lock.json" -> path.contains("lockfile/npm/") && file.matches(".*\\.v[123]\\.json")
                    || path.contains("package-lock-v");
            case "requirements.txt" -> path.contains("python/requirements/") && file.endsWith(".txt");
            case "pom.xml" -> path.contains("pom-xml/") && file.endsWith(".xml");
            case "lockfile.json" -> path.contains("maven-lockfile/") || file.endsWith("lockfile.json");
            case "gradle.lockfile" -> path.contains("gradle-lockfile/");
            case "verification-metadata.xml" -> path.contains("verification-metadata/");
            case "dependency-tree.txt" -> path.contains("dependency-tree/") && file.endsWith(".txt");
            case "bom.json" -> file.endsWith(".cdx.json");
            case "bom.xml" -> file.endsWith(".cdx.xml");
            case "bom.spdx.json" -> file.endsWith(".spdx.json");
            case "yarn.lock" -> path.contains("yarn-lock");
            case "pnpm-lock.yaml" -> path.contains("pnpm-lock");
            case ".github/workflows/ci.yml" -> path.contains("lockfile/actions/") && !file.contains("action")
                    && !file.contains("gitlab");
            case "action.yml" -> path.contains("lockfile/actions/") && file.endsWith("action.yml");
            case ".gitlab-ci.yml" -> path.contains("lockfile/actions/gitlab");
            default -> false;
        };
    }
}
