// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Purls;
import java.util.Locale;

/**
 * A component's identity the way policy patterns read it: purl type, the readable path (npm scope with {@code @},
 * not {@code %40}; Maven {@code group/artifact}; PEP 503 PyPI names) and the version.
 *
 * @param type    purl type, lower case
 * @param path    {@code namespace/name} or {@code name}, decoded
 * @param version the version, or empty
 */
public record PackageRef(String type, String path, String version) {
    public PackageRef {
        type = type.toLowerCase(Locale.ROOT);
        version = version == null ? "" : version;
    }

    public static PackageRef of(Component c) {
        try {
            PackageURL p = new PackageURL(c.purl());
            String ns = p.getNamespace();
            String name = "pypi".equals(p.getType()) ? Purls.normalizePypiName(p.getName()) : p.getName();
            return new PackageRef(p.getType(), ns == null || ns.isEmpty() ? name : ns + "/" + name, p.getVersion());
        } catch (MalformedPackageURLException e) {
            String name = c.ecosystem() == Ecosystem.PYPI ? Purls.normalizePypiName(c.name())
                    : c.name().replace(':', '/');
            return new PackageRef(c.ecosystem().purlType(), name, c.version());
        }
    }

    /** {@code pkg:type/path}, without version: what rules and exceptions are written against. */
    public String withoutVersion() {
        return "pkg:" + type + "/" + path;
    }

    @Override
    public String toString() {
        return version.isEmpty() ? withoutVersion() : withoutVersion() + "@" + version;
    }
}
