// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Component;
import dev.provgate.model.Ecosystem;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import dev.provgate.model.Purls;
import dev.provgate.model.Scope;
import dev.provgate.model.Source;
import dev.provgate.model.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Gradle dependency verification ({@code gradle/verification-metadata.xml}): one component per
 * {@code <component>}, a hash per artifact file and checksum, and the PGP key ids that sign it (its own
 * {@code <pgp>} entries and the matching {@code <trusted-key>}s) in {@code maven:pgp-keys}.
 */
public final class VerificationMetadataParser extends MavenFileParser {
    public static final String NAME = "maven/gradle-verification-metadata";
    static final String PGP_KEYS = "maven:pgp-keys";

    public VerificationMetadataParser() {
        super(NAME);
    }



    @Override
    public boolean accepts(String relativePath) {
        return fileName(relativePath).equals("verification-metadata.xml");
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        XMLStreamReader r = SecureXml.open(source);
        List<Entry> entries = new ArrayList<>();
        List<TrustedKey> trustedKeys = new ArrayList<>();
        Entry current = null;
        String artifact = "";
        boolean rootSeen = false;
        TrustedKey key = null;
        for (int ev = SecureXml.next(source, r); ev != XMLStreamConstants.END_DOCUMENT; ev = SecureXml.next(source, r)) {
            if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "component" -> current = null;
                    case "artifact" -> artifact = "";
                    case "trusted-key" -> key = null;
                    default -> { }
                }
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String tag = r.getLocalName();
            if (!rootSeen) {
                requireRoot(source, r, tag);
                rootSeen = true;
            }
            switch (tag) {
                case "component" -> {
                    current = new Entry(required(source, r, "group"), required(source, r, "name"),
                            required(source, r, "version"), SecureXml.line(r));
                    entries.add(current);
                }
                case "artifact" -> artifact = required(source, r, "name");
                case "md5", "sha1", "sha256", "sha512" -> {
                    if (current != null) {
                        current.hashes.add(hash(source, r, tag, artifact));
                    }
                }
                case "pgp" -> {
                    if (current != null) {
                        current.pgpKeys.add(required(source, r, "value"));
                    }
                }
                case "trusted-key" -> {
                    key = new TrustedKey(required(source, r, "id"), new ArrayList<>());
                    trustedKeys.add(key);
                    addTrusting(r, key);
                }
                case "trusting" -> {
                    if (key != null) {
                        addTrusting(r, key);
                    }
                }
                default -> { }
            }
        }
        List<Component> components = entries.stream().map(e -> e.component(source, trustedKeys)).toList();
        return new LockfileInventory(source.displayPath(), NAME, Ecosystem.MAVEN, components, List.of());
    }

    private static void requireRoot(LockfileSource source, XMLStreamReader r, String tag) {
        if (!tag.equals("verification-metadata")) {
            throw new LockfileParseException(source, SecureXml.line(r),
                    "not Gradle verification metadata: the root element is <" + tag + ">");
        }
    }

    private static void addTrusting(XMLStreamReader r, TrustedKey key) {
        String group = SecureXml.attribute(r, "group");
        if (group != null && !"true".equals(SecureXml.attribute(r, "regex"))) {
            key.scopes.add(new Trusting(group, SecureXml.attribute(r, "name"), SecureXml.attribute(r, "version")));
        }
    }

    private static Hash hash(LockfileSource source, XMLStreamReader r, String tag, String artifact) {
        String value = required(source, r, "value");
        HashAlgorithm algorithm = HashAlgorithm.parse(tag).orElseThrow();
        try {
            return new Hash(algorithm, value, artifact);
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, SecureXml.line(r),
                    "<" + tag + "> of " + artifact + " is not a " + algorithm.cyclonedxName() + " digest: " + value);
        }
    }

    private static String required(LockfileSource source, XMLStreamReader r, String attribute) {
        String v = SecureXml.attribute(r, attribute);
        if (v == null) {
            throw new LockfileParseException(source, SecureXml.line(r),
                    "<" + r.getLocalName() + "> without the '" + attribute + "' attribute");
        }
        return v;
    }

    private record Trusting(String group, String name, String version) {
        boolean covers(Entry e) {
            return group.equals(e.group) && (name == null || name.equals(e.name))
                    && (version == null || version.equals(e.version));
        }
    }

    private record TrustedKey(String id, List<Trusting> scopes) {
    }

    private static final class Entry {
        final String group;
        final String name;
        final String version;
        final int line;
        final List<Hash> hashes = new ArrayList<>();
        final TreeSet<String> pgpKeys = new TreeSet<>();

        Entry(String group, String name, String version, int line) {
            this.group = group;
            this.name = name;
            this.version = version;
            this.line = line;
        }

        /**
         * An empty group marks a file Gradle fetched outside any Maven repository (Kotlin/Native prebuilt
         * tarballs): a generic purl, so it never matches a Maven package of the same name.
         */
        Component component(LockfileSource source, List<TrustedKey> trustedKeys) {
            TreeSet<String> keys = new TreeSet<>(pgpKeys);
            trustedKeys.stream().filter(k -> k.scopes.stream().anyMatch(t -> t.covers(this)))
                    .forEach(k -> keys.add(k.id));
            Component.Builder b = group.isEmpty()
                    ? Component.builder(Ecosystem.OTHER, name, version)
                            .purl(Purls.of(Ecosystem.OTHER, name, version)).source(Source.of(SourceKind.URL, ""))
                    : Component.builder(Ecosystem.MAVEN, group + ":" + name, version)
                            .purl(MavenComponents.purl(source, line, group, name, version, "", ""));
            return b.scope(Scope.RUNTIME).hashes(hashes).location(source.at(line))
                    .attribute(PGP_KEYS, String.join(",", keys)).build();
        }
    }
}
