// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Purls;
import java.util.Map;

/**
 * Ecosystem, name, version and canonical purl from a purl found in an SBOM. npm, PyPI and Maven purls are rebuilt
 * the way the lockfile parsers build them (so the same package from a lockfile and from an SBOM has one purl);
 * other types keep their qualifiers, canonicalized.
 */
record PurlIdentity(Ecosystem ecosystem, String name, String version, String purl) {

    /** @throws MalformedPackageURLException when the text is not a purl */
    static PurlIdentity parse(String text, String fallbackVersion) throws MalformedPackageURLException {
        PackageURL p = new PackageURL(text);
        Ecosystem ecosystem = Ecosystem.fromPurlType(p.getType());
        String version = p.getVersion() != null ? p.getVersion() : fallbackVersion;
        String namespace = p.getNamespace();
        return switch (ecosystem) {
            case NPM -> {
                String name = namespace == null ? p.getName() : namespace + "/" + p.getName();
                yield new PurlIdentity(ecosystem, name, version, Purls.npm(name, version));
            }
            case PYPI -> new PurlIdentity(ecosystem, p.getName(), version, Purls.pypi(p.getName(), version));
            case MAVEN -> {
                Map<String, String> q = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
                String group = namespace == null ? "" : namespace;
                yield new PurlIdentity(ecosystem, group + ":" + p.getName(), version,
                        Purls.maven(group, p.getName(), version, q.get("classifier"), q.get("type")));
            }
            case GITHUB_ACTIONS -> {
                String name = namespace == null ? p.getName() : namespace + "/" + p.getName();
                yield new PurlIdentity(ecosystem, name, version, Purls.githubActions(name, version));
            }
            case OTHER -> new PurlIdentity(ecosystem,
                    namespace == null ? p.getName() : namespace + "/" + p.getName(), version, p.canonicalize());
        };
    }

    /** A component without a purl: a generic purl of its name and version. */
    static PurlIdentity generic(String group, String name, String version) {
        String full = group.isEmpty() ? name : group + "/" + name;
        return new PurlIdentity(Ecosystem.OTHER, full, version, Purls.of(Ecosystem.OTHER, full, version));
    }
}
