// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Package URLs per ecosystem, built with packageurl-java so escaping follows the purl spec. */
public final class Purls {
    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");

    private Purls() {
    }

    /** The purl of a registry package: npm {@code @scope/name}, PyPI name, Maven {@code group:artifact}. */
    public static String of(Ecosystem ecosystem, String name, String version) {
        return switch (ecosystem) {
            case NPM -> npm(name, version);
            case PYPI -> pypi(name, version);
            case MAVEN -> {
                int colon = name.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("Maven name without group: " + name);
                }
                yield maven(name.substring(0, colon), name.substring(colon + 1), version, "", "");
            }
            case GITHUB_ACTIONS -> githubActions(name, version);
            case OTHER -> build("generic", null, name, version, null);
        };
    }

    /**
     * {@code pkg:githubactions/OWNER/REPO@REF}; an action in a sub-folder keeps its path, the last folder being the
     * purl name ({@code pkg:githubactions/github/codeql-action/init@v3}).
     */
    public static String githubActions(String name, String ref) {
        int slash = name.lastIndexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("GitHub Actions name without owner: " + name);
        }
        return build("githubactions", name.substring(0, slash), name.substring(slash + 1), ref, null);
    }

    public static String npm(String name, String version) {
        if (name.startsWith("@") && name.indexOf('/') > 0) {
            int slash = name.indexOf('/');
            return build("npm", name.substring(0, slash), name.substring(slash + 1), version, null);
        }
        return build("npm", null, name, version, null);
    }

    public static String pypi(String name, String version) {
        return build("pypi", null, normalizePypiName(name), version, null);
    }

    public static String maven(String group, String artifact, String version, String classifier, String type) {
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (classifier != null && !classifier.isEmpty()) {
            qualifiers.put("classifier", classifier);
        }
        if (type != null && !type.isEmpty() && !"jar".equals(type)) {
            qualifiers.put("type", type);
        }
        return build("maven", group, artifact, version, qualifiers.isEmpty() ? null : qualifiers);
    }

    /** The {@code OWNER/REPO} part of a GitHub Actions name ({@code github/codeql-action/init}). */
    public static String githubRepository(String name) {
        int first = name.indexOf('/');
        int second = first < 0 ? -1 : name.indexOf('/', first + 1);
        return second > 0 ? name.substring(0, second) : name;
    }

    /** PEP 503 normalized name: lower case, runs of {@code -_.} become one {@code -}. */
    public static String normalizePypiName(String name) {
        return PEP503_SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    private static String build(String type, String namespace, String name, String version,
                                TreeMap<String, String> qualifiers) {
        try {
            return new PackageURL(type, namespace, name, version == null || version.isEmpty() ? null : version,
                    qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a purl for " + name + ": " + e.getMessage(), e);
        }
    }
}
