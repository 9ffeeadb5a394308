// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.InstallScript;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Property;

/** One merged component as a CycloneDX component: names, scope, hashes, source reference and properties. */
final class CdxComponents {
    static final Comparator<Property> PROPERTY_ORDER =
            Comparator.comparing(Property::getName).thenComparing(Property::getValue);

    private CdxComponents() {
    }

    static org.cyclonedx.model.Component of(MergedComponent merged) {
        Component c = merged.first();
        org.cyclonedx.model.Component cdx = new org.cyclonedx.model.Component();
        cdx.setType(org.cyclonedx.model.Component.Type.LIBRARY);
        cdx.setBomRef(c.purl());
        cdx.setPurl(c.purl());
        setNames(cdx, c.ecosystem(), c.name());
        if (!c.version().isEmpty()) {
            cdx.setVersion(c.version());
        }
        cdx.setScope(scope(merged.scope()));
        List<org.cyclonedx.model.Hash> hashes = hashes(merged.hashes());
        if (!hashes.isEmpty()) {
            cdx.setHashes(hashes);
        }
        List<Property> properties = properties(merged);
        externalReference(c.source()).ifPresentOrElse(ref -> cdx.setExternalReferences(List.of(ref)),
                () -> addIfSet(properties, SbomProperties.SOURCE_URL, c.source().url()));
        properties.sort(PROPERTY_ORDER);
        cdx.setProperties(properties);
        return cdx;
    }

    /** npm: the scope as group; Maven: group and artifact; everything else: the name as is. */
    private static void setNames(org.cyclonedx.model.Component cdx, Ecosystem ecosystem, String name) {
        int split = switch (ecosystem) {
            case NPM -> name.startsWith("@") ? name.indexOf('/') : -1;
            case MAVEN -> name.indexOf(':');
            default -> -1;
        };
        if (split > 0) {
            cdx.setGroup(name.substring(0, split));
            cdx.setName(name.substring(split + 1));
        } else {
            cdx.setName(name);
        }
    }

    /** Dev-only packages are "excluded": present for building and testing, not part of what runs. */
    private static org.cyclonedx.model.Component.Scope scope(Scope scope) {
        return switch (scope) {
            case RUNTIME -> org.cyclonedx.model.Component.Scope.REQUIRED;
            case OPTIONAL, PEER -> org.cyclonedx.model.Component.Scope.OPTIONAL;
            case DEV -> org.cyclonedx.model.Component.Scope.EXCLUDED;
        };
    }

    /** One hash per algorithm: a package-wide digest if there is one, else the first file's (by file name). */
    private static List<org.cyclonedx.model.Hash> hashes(List<Hash> hashes) {
        return firstPerAlgorithm(hashes).values().stream()
                .map(h -> new org.cyclonedx.model.Hash(h.algorithm().cyclonedxName(), h.hex()))
                .toList();
    }

    private static Map<HashAlgorithm, Hash> firstPerAlgorithm(List<Hash> hashes) {
        Map<HashAlgorithm, Hash> first = new EnumMap<>(HashAlgorithm.class);
        hashes.forEach(h -> first.putIfAbsent(h.algorithm(), h));
        return first;
    }

    private static List<Property> properties(MergedComponent merged) {
        Component c = merged.first();
        List<Property> properties = new ArrayList<>();
        properties.add(new Property(SbomProperties.SCOPE, merged.scope().label()));
        properties.add(new Property(SbomProperties.DIRECT, Boolean.toString(merged.direct())));
        properties.add(new Property(SbomProperties.SOURCE_KIND, c.source().kind().label()));
        addIfSet(properties, SbomProperties.REGISTRY, c.source().registry());
        // What the lockfiles record, so that reading the SBOM back tells "none" from "not recorded" (absent).
        if (c.ecosystem() == Ecosystem.NPM && merged.installScript() != InstallScript.UNRECORDED) {
            properties.add(new Property(SbomProperties.INSTALL_SCRIPT,
                    Boolean.toString(merged.installScript() == InstallScript.RUNS)));
        }
        merged.locations().forEach(l -> properties.add(new Property(SbomProperties.LOCKFILE, l.toString())));
        merged.hashes().stream().filter(h -> !h.fileName().isEmpty()).forEach(h -> properties.add(
                new Property(SbomProperties.fileHash(h.fileName(), h.algorithm()), h.hex())));
        // Two package-wide digests of one algorithm (the same name@version from two sources) must both survive.
        Collection<Hash> inHashes = firstPerAlgorithm(merged.hashes()).values();
        merged.hashes().stream().filter(h -> h.fileName().isEmpty() && !inHashes.contains(h)).forEach(h ->
                properties.add(new Property(SbomProperties.extraHash(h.algorithm()), h.hex())));
        merged.attributes().forEach((k, v) -> properties.add(new Property(SbomProperties.attribute(k), v)));
        return properties;
    }

    private static void addIfSet(List<Property> properties, String name, String value) {
        if (!value.isEmpty()) {
            properties.add(new Property(name, value));
        }
    }

    /**
     * Git sources as {@code vcs}, registry and URL sources as {@code distribution}. Paths, workspaces and links,
     * and URLs that are not valid URI references (scp-like git addresses), go to {@code provgate:source-url}.
     */
    private static Optional<ExternalReference> externalReference(Source source) {
        ExternalReference.Type type = switch (source.kind()) {
            case GIT -> ExternalReference.Type.VCS;
            case REGISTRY, URL -> ExternalReference.Type.DISTRIBUTION;
            default -> null;
        };
        if (type == null || source.url().isEmpty() || !isUriReference(source.url())) {
            return Optional.empty();
        }
        ExternalReference ref = new ExternalReference();
        ref.setType(type);
        ref.setUrl(source.url());
        return Optional.of(ref);
    }

    private static boolean isUriReference(String url) {
        try {
            new URI(url).parseServerAuthority();
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
