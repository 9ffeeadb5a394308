// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import com.github.packageurl.MalformedPackageURLException;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Dependency;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.InstallScript;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Purls;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns what a reader collected into the model: components with purls and hashes, edges by purl. */
final class SbomInventoryBuilder {
    private final LockfileSource source;

    SbomInventoryBuilder(LockfileSource source) {
        this.source = source;
    }

    LockfileInventory build(String format, SbomDocument doc) {
        Set<String> direct = new HashSet<>();
        doc.edges.stream().filter(e -> doc.subjects.contains(e.from())).forEach(e -> direct.add(e.to()));
        Map<String, String> purlByRef = new HashMap<>();
        List<Component> components = new ArrayList<>();
        for (SbomEntry entry : doc.entries) {
            if (doc.subjects.contains(entry.ref)) {
                continue;
            }
            identity(entry).ifPresent(id -> {
                Component c = component(entry, id, direct.contains(entry.ref), doc.scopeHints.get(entry.ref));
                components.add(c);
                if (!entry.ref.isEmpty()) {
                    purlByRef.putIfAbsent(entry.ref, c.purl());
                }
            });
        }
        List<Dependency> edges = new ArrayList<>();
        for (SbomDocument.Edge e : doc.edges) {
            String from = purlByRef.get(e.from());
            String to = purlByRef.get(e.to());
            if (from != null && to != null && !from.equals(to)) {
                edges.add(new Dependency(from, to));
            }
        }
        return new LockfileInventory(source.displayPath(), format, Ecosystem.OTHER, components, edges);
    }

    /** From the purl when there is one; else a generic purl when name and version are known; else nothing. */
    private Optional<PurlIdentity> identity(SbomEntry entry) {
        if (!entry.purl.isEmpty()) {
            try {
                return Optional.of(PurlIdentity.parse(entry.purl, entry.version));
            } catch (MalformedPackageURLException | IllegalArgumentException e) {
                throw new LockfileParseException(source, entry.purlLine,
                        "invalid purl '" + entry.purl + "': " + e.getMessage());
            }
        }
        if (entry.name.isEmpty() || entry.version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PurlIdentity.generic(entry.group, entry.name, entry.version));
    }

    private Component component(SbomEntry entry, PurlIdentity id, boolean direct, Scope hint) {
        String directProperty = entry.property(SbomProperties.DIRECT);
        SourceKind kind = sourceKind(entry.property(SbomProperties.SOURCE_KIND));
        Component.Builder b = Component.builder(id.ecosystem(), declaredName(entry, id), id.version())
                .purl(id.purl())
                .scope(scope(entry, hint))
                .direct(directProperty.isEmpty() ? direct : Boolean.parseBoolean(directProperty))
                .source(new Source(kind, sourceUrl(entry, kind), entry.property(SbomProperties.REGISTRY)))
                .hashes(hashes(entry))
                .location(source.at(entry.line));
        installScript(entry.property(SbomProperties.INSTALL_SCRIPT)).ifPresent(b::installScript);
        for (SbomEntry.RawProperty p : entry.properties) {
            SbomProperties.attributeKey(p.name()).ifPresent(key -> b.attribute(key, p.value()));
        }
        return b.build();
    }

    /** provgate's own {@code true}/{@code false}; other SBOMs do not say, and the builder's default applies. */
    private static Optional<InstallScript> installScript(String stated) {
        return switch (stated) {
            case "true" -> Optional.of(InstallScript.RUNS);
            case "false" -> Optional.of(InstallScript.NONE);
            default -> Optional.empty();
        };
    }

    /** PyPI names keep the spelling the SBOM declares when it is the purl's name (PEP 503 normalized). */
    private static String declaredName(SbomEntry entry, PurlIdentity id) {
        boolean sameProject = id.ecosystem() == Ecosystem.PYPI && !entry.name.isEmpty()
                && Purls.normalizePypiName(entry.name).equals(Purls.normalizePypiName(id.name()));
        return sameProject ? entry.name : id.name();
    }

    private static Scope scope(SbomEntry entry, Scope hint) {
        String stated = entry.property(SbomProperties.SCOPE);
        Optional<Scope> ours = Arrays.stream(Scope.values()).filter(s -> s.label().equals(stated)).findFirst();
        if (ours.isPresent()) {
            return ours.get();
        }
        return switch (entry.scope) {
            case "optional" -> Scope.OPTIONAL;
            case "excluded" -> Scope.DEV;
            default -> hint != null ? hint : Scope.RUNTIME;
        };
    }

    /** Our own {@code provgate:source-kind} when present; otherwise the SBOM names a registry package. */
    private static SourceKind sourceKind(String stated) {
        return Arrays.stream(SourceKind.values()).filter(k -> k.label().equals(stated)).findFirst()
                .orElse(SourceKind.REGISTRY);
    }

    private static String sourceUrl(SbomEntry entry, SourceKind kind) {
        String url = kind == SourceKind.GIT ? entry.vcsUrl : entry.distributionUrl;
        return url.isEmpty() ? entry.property(SbomProperties.SOURCE_URL) : url;
    }

    /**
     * The entry's hashes in known algorithms (others, such as SHA3 and BLAKE, are skipped), plus our per-file and
     * extra-digest properties. A component hash that repeats a per-file digest is that file's, not a second package digest.
     */
    private List<Hash> hashes(SbomEntry entry) {
        List<Hash> files = new ArrayList<>();
        List<Hash> extra = new ArrayList<>();
        for (SbomEntry.RawProperty p : entry.properties) {
            if (p.name().startsWith(SbomProperties.EXTRA_HASH_PREFIX)) {
                HashAlgorithm.parse(p.name().substring(SbomProperties.EXTRA_HASH_PREFIX.length())).ifPresent(alg ->
                        extra.add(hash(alg, p.value(), "", entry.line)));
            } else if (p.name().startsWith(SbomProperties.FILE_PREFIX)) {
                String rest = p.name().substring(SbomProperties.FILE_PREFIX.length());
                int colon = rest.lastIndexOf(':');
                HashAlgorithm.parse(colon < 0 ? "" : rest.substring(colon + 1)).ifPresent(alg ->
                        files.add(hash(alg, p.value(), rest.substring(0, colon), entry.line)));
            }
        }
        List<Hash> hashes = new ArrayList<>(files);
        hashes.addAll(extra);
        for (SbomEntry.RawHash raw : entry.hashes) {
            HashAlgorithm.parse(raw.algorithm()).ifPresent(alg -> {
                Hash h = hash(alg, raw.content(), "", raw.line());
                if (files.stream().noneMatch(f -> f.algorithm() == alg && f.hex().equals(h.hex()))) {
                    hashes.add(h);
                }
            });
        }
        return hashes;
    }

    private Hash hash(HashAlgorithm alg, String hex, String fileName, int line) {
        try {
            return new Hash(alg, hex.strip().toLowerCase(Locale.ROOT), fileName);
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, line, alg.cyclonedxName() + " hash is not "
                    + alg.length() * 2 + " hex digits: '" + hex + "'");
        }
    }
}
