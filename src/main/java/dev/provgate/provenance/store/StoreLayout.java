// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.Ecosystem;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.Purls;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the store keeps a package: {@code <ecosystem>/<name>/<version>/}. npm scoped names are two folders
 * ({@code @scope/name}), PyPI names are PEP 503 normalized, Maven {@code group:artifact} is {@code group/artifact}
 * with the group kept dotted. Every folder name is checked, so a crafted lockfile name cannot leave the store.
 */
public final class StoreLayout {
    private final Path root;

    public StoreLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The folder of one package, holding {@code identities.json} and one folder per version. */
    public Path packageDir(Ecosystem ecosystem, String name) {
        Path dir = root.resolve(folderName(ecosystem));
        for (String segment : nameSegments(ecosystem, name)) {
            dir = dir.resolve(checked(segment, name));
        }
        return dir;
    }

    public Path versionDir(Ecosystem ecosystem, String name, String version) {
        return packageDir(ecosystem, name).resolve(checked(version, name + "@" + version));
    }

    /** A file of one version; {@code fileName} is a plain file name (a wheel, a jar, {@code release.json}). */
    public Path file(Ecosystem ecosystem, String name, String version, String fileName) {
        return versionDir(ecosystem, name, version).resolve(checked(fileName, fileName));
    }

    /** The ecosystem folder: {@code npm}, {@code pypi}, {@code maven}. */
    public static String folderName(Ecosystem ecosystem) {
        if (ecosystem == Ecosystem.OTHER) {
            throw new IllegalArgumentException("the attestation store holds npm, PyPI, Maven and GitHub Actions "
                    + "packages only");
        }
        return ecosystem.purlType();
    }

    /** How many folders a package name takes in the given ecosystem folder, from the first one's name. */
    static int nameDepth(Ecosystem ecosystem, String firstFolder) {
        return switch (ecosystem) {
            case NPM -> firstFolder.startsWith("@") ? 2 : 1;
            case MAVEN, GITHUB_ACTIONS -> 2;
            default -> 1;
        };
    }

    /** The package name a store path spells, the inverse of {@link #packageDir}. */
    static String nameOf(Ecosystem ecosystem, List<String> folders) {
        return ecosystem == Ecosystem.MAVEN ? folders.get(0) + ":" + folders.get(1) : String.join("/", folders);
    }

    private static List<String> nameSegments(Ecosystem ecosystem, String name) {
        return switch (ecosystem) {
            case NPM -> name.startsWith("@") && name.indexOf('/') > 1
                    ? List.of(name.substring(0, name.indexOf('/')), name.substring(name.indexOf('/') + 1))
                    : List.of(name);
            case PYPI -> List.of(Purls.normalizePypiName(name));
            case MAVEN -> mavenSegments(name);
            case GITHUB_ACTIONS -> List.of(name.split("/", -1));
            case OTHER -> throw new IllegalArgumentException(folderName(ecosystem));
        };
    }

    private static List<String> mavenSegments(String name) {
        int colon = name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1) {
            throw new ProvgateException("not a Maven group:artifact name: " + name);
        }
        return List.of(name.substring(0, colon), name.substring(colon + 1));
    }

    private static String checked(String segment, String what) {
        boolean bad = segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.length() > 255
                || segment.chars().anyMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20);
        if (bad) {
            throw new ProvgateException("cannot store " + what + ": '" + segment + "' is not a safe folder name");
        }
        return segment;
    }
}
