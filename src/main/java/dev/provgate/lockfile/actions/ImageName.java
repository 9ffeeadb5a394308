// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.actions;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [REGISTRY/]PATH[:TAG][@DIGEST]}, split the way docker reads it: the first
 * folder is a registry when it has a dot or a port or is {@code localhost}; otherwise the registry is Docker Hub,
 * whose one-folder names live under {@code library/}.
 *
 * @param registry host (and port) of the registry
 * @param path     the repository path in the registry
 * @param tag      the tag, or empty
 * @param digest   {@code ALGORITHM:HEX}, or empty
 */
record ImageName(String registry, String path, String tag, String digest) {
    static final String DOCKER_HUB = "docker.io";
    private static final String COMPONENT = "[a-z0-9]+(?:[._-]+[a-z0-9]+)*";
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|\\$\\{\\{.*}}|\\$\\S+");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}");

    static Optional<ImageName> parse(String reference) {
        String rest = reference.strip();
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                return Optional.empty();
            }
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return Optional.empty();
            }
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return PATH.matcher(rest).matches() ? Optional.of(new ImageName(registry, rest, tag, digest))
                : Optional.empty();
    }

    /** The name people write: the path on Docker Hub, {@code registry/path} elsewhere. */
    String fullName() {
        return registry.equals(DOCKER_HUB) ? path : registry + "/" + path;
    }

    /** {@code pkg:oci/NAME@DIGEST?repository_url=...} by digest, else {@code pkg:docker/NS/NAME@TAG}. */
    String purl() {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        TreeMap<String, String> qualifiers = new TreeMap<>();
        try {
            if (!digest.isEmpty()) {
                qualifiers.put("repository_url", registry + "/" + path);
                if (!tag.isEmpty()) {
                    qualifiers.put("tag", tag);
                }
                return new PackageURL("oci", null, name, digest, qualifiers, null).canonicalize();
            }
            if (!registry.equals(DOCKER_HUB)) {
                qualifiers.put("repository_url", registry);
            }
            return new PackageURL("docker", slash < 0 ? null : path.substring(0, slash), name,
                    tag.isEmpty() ? null : tag, qualifiers.isEmpty() ? null : qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a purl for " + fullName() + ": " + e.getMessage(), e);
        }
    }
}
