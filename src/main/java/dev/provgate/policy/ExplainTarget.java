// SPDX-License-Identifier: Apache-2.0
package dev.provgate.policy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Inventory;
import dev.provgate.model.ProvgateException;
import dev.provgate.model.Purls;
import dev.provgate.model.Source;
import java.util.List;
import java.util.Optional;

/**
 * What {@code provgate explain} was asked about: a purl ({@code pkg:npm/%40aws-sdk/client-s3@3.1.0}, the scope may
 * also be written {@code @}) or {@code NAME@VERSION}; the version may be left out to explain every locked version.
 *
 * @param text    as given
 * @param purl    the parsed purl, when given one; null for NAME@VERSION
 * @param name    the name part of NAME@VERSION (empty for a purl)
 * @param version the version asked about, or empty for any
 */
public record ExplainTarget(String text, PackageURL purl, String name, String version) {

    public static ExplainTarget parse(String text) {
        String t = text.strip();
        if (t.startsWith("pkg:")) {
            try {
                PackageURL p = new PackageURL(t.replace("/@", "/%40"));
                return new ExplainTarget(t, p, "", p.getVersion() == null ? "" : p.getVersion());
            } catch (MalformedPackageURLException e) {
                throw new ProvgateException("not a package URL: " + t + " (" + e.getMessage() + ")");
            }
        }
        int at = t.lastIndexOf('@');
        if (at <= 0) {
            return new ExplainTarget(t, null, t, "");
        }
        return new ExplainTarget(t, null, t.substring(0, at), t.substring(at + 1));
    }

    /** The locked components it names, in inventory order. */
    public List<Component> find(Inventory inventory) {
        return inventory.components().filter(this::names).toList();
    }

    private boolean names(Component c) {
        boolean versionOk = version.isEmpty() || version.equals(c.version());
        if (purl == null) {
            boolean sameName = c.name().equalsIgnoreCase(name) || (c.ecosystem() == Ecosystem.PYPI
                    && Purls.normalizePypiName(c.name()).equals(Purls.normalizePypiName(name)));
            return sameName && versionOk;
        }
        PackageRef ref = PackageRef.of(c);
        return versionOk && standaloneRef().map(r -> r.type().equals(ref.type())
                && r.path().equalsIgnoreCase(ref.path())).orElse(false);
    }

    private Optional<PackageRef> standaloneRef() {
        return standalone().map(PackageRef::of);
    }

    /** The component a purl describes, with no lockfile evidence; empty for NAME@VERSION. */
    public Optional<Component> standalone() {
        if (purl == null) {
            return Optional.empty();
        }
        Ecosystem eco = Ecosystem.fromPurlType(purl.getType());
        String ns = purl.getNamespace();
        String name = switch (eco) {
            case MAVEN -> (ns == null ? "" : ns + ":") + purl.getName();
            case NPM, GITHUB_ACTIONS -> ns == null ? purl.getName() : ns + "/" + purl.getName();
            default -> purl.getName();
        };
        return Optional.of(Component.builder(eco, name, version).purl(purl.canonicalize())
                .source(Source.registry("")).build());
    }
}
