// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import java.util.ArrayList;
import java.util.List;

/**
 * One component or package as an SBOM states it, before it becomes a model component. Filled field by field by
 * the readers while they stream, so it is a small mutable holder; nothing outside this package sees it.
 */
final class SbomEntry {
    /** A digest as written: algorithm name and hex content, and the line it is on. */
    record RawHash(String algorithm, String content, int line) {
    }

    /** A CycloneDX property or SPDX-derived fact. */
    record RawProperty(String name, String value) {
    }

    final int line;
    String ref = "";
    String group = "";
    String name = "";
    String version = "";
    String purl = "";
    int purlLine;
    /** CycloneDX scope: required, optional, excluded, or empty when unstated. */
    String scope = "";
    String distributionUrl = "";
    String vcsUrl = "";
    final List<RawHash> hashes = new ArrayList<>();
    final List<RawProperty> properties = new ArrayList<>();

    SbomEntry(int line) {
        this.line = line;
        this.purlLine = line;
    }

    void externalReference(String type, String url) {
        if ("distribution".equals(type) && distributionUrl.isEmpty()) {
            distributionUrl = url;
        } else if ("vcs".equals(type) && vcsUrl.isEmpty()) {
            vcsUrl = url;
        }
    }

    /** The first value of a property, or empty. */
    String property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).map(RawProperty::value)
                .findFirst().orElse("");
    }
}
