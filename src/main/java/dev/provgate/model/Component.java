// SPDX-License-Identifier: Apache-2.0
package dev.provgate.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One locked package as a lockfile declares it.
 *
 * @param ecosystem     npm, PyPI, Maven (or OTHER for SBOM input)
 * @param name          the name as the lockfile spells it (npm scope included, Maven {@code group:artifact})
 * @param version       the locked version, or empty when the entry is not pinned to a version
 * @param purl          canonical package URL (see {@link Purls})
 * @param scope         runtime, dev, optional or peer
 * @param direct        declared by the project itself rather than pulled in transitively
 * @param source        registry, git, url, path, workspace or link, with the resolved URL
 * @param hashes        digests recorded in the lockfile, sorted
 * @param location      the lockfile and line of the entry
 * @param installScript whether the package runs code at install time, as far as the lockfile records it
 * @param attributes    format-specific facts worth keeping, namespaced keys ({@code npm:alias},
 *                      {@code python:markers}, {@code maven:classifier}), sorted
 */
public record Component(
        Ecosystem ecosystem,
        String name,
        String version,
        String purl,
        Scope scope,
        boolean direct,
        Source source,
        List<Hash> hashes,
        Location location,
        InstallScript installScript,
        SortedMap<String, String> attributes) {

    public Component {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        version = version == null ? "" : version;
        Objects.requireNonNull(purl, "purl");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        List<Hash> sorted = new ArrayList<>(hashes);
        Collections.sort(sorted);
        hashes = List.copyOf(sorted);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(installScript, "installScript");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** True when the entry names one exact version from a registry. */
    public boolean pinnedToRegistryVersion() {
        return !version.isEmpty() && source.kind().isRegistry();
    }

    /** {@code name@version}, the way people write it. */
    public String coordinates() {
        return version.isEmpty() ? name : name + "@" + version;
    }

    public static Builder builder(Ecosystem ecosystem, String name, String version) {
        return new Builder(ecosystem, name, version);
    }

    public Builder toBuilder() {
        Builder b = new Builder(ecosystem, name, version)
                .purl(purl).scope(scope).direct(direct).source(source)
                .location(location).installScript(installScript);
        b.hashes.addAll(hashes);
        b.attributes.putAll(attributes);
        return b;
    }

    /** Builds a component; purl defaults to the ecosystem's purl of name and version. */
    public static final class Builder {
        private final Ecosystem ecosystem;
        private final String name;
        private final String version;
        private String purl;
        private Scope scope = Scope.RUNTIME;
        private boolean direct;
        private Source source = Source.registry("");
        private final List<Hash> hashes = new ArrayList<>();
        private Location location = new Location("", 0);
        private InstallScript installScript;
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(Ecosystem ecosystem, String name, String version) {
            this.ecosystem = ecosystem;
            this.name = name;
            this.version = version;
        }

        public Builder purl(String purl) {
            this.purl = purl;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder direct(boolean direct) {
            this.direct = direct;
            return this;
        }

        public Builder source(Source source) {
            this.source = source;
            return this;
        }

        public Builder hash(Hash hash) {
            hashes.add(hash);
            return this;
        }

        public Builder hashes(List<Hash> more) {
            hashes.addAll(more);
            return this;
        }

        public Builder location(Location location) {
            this.location = location;
            return this;
        }

        /** Unset: UNRECORDED for npm (a parser must say what its format records), NONE for other ecosystems. */
        public Builder installScript(InstallScript installScript) {
            this.installScript = installScript;
            return this;
        }

        public Builder attribute(String key, String value) {
            if (value != null && !value.isEmpty()) {
                attributes.put(key, value);
            }
            return this;
        }

        public Component build() {
            String p = purl != null ? purl : Purls.of(ecosystem, name, version);
            InstallScript scripts = installScript != null ? installScript
                    : ecosystem == Ecosystem.NPM ? InstallScript.UNRECORDED : InstallScript.NONE;
            return new Component(ecosystem, name, version, p, scope, direct, source, hashes, location, scripts,
                    new TreeMap<>(attributes));
        }
    }
}
