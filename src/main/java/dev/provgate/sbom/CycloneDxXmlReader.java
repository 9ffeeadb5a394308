// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.JsonInput;
import dev.provgate.model.LockfileInventory;
import dev.provgate.model.LockfileSource;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A CycloneDX 1.4 to 1.6 XML SBOM as input: the same facts as {@link CycloneDxJsonReader}, read with StAX. */
public final class CycloneDxXmlReader extends SbomReader {
    public static final String NAME = "sbom/cyclonedx-xml";
    private static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

    public CycloneDxXmlReader() {
        super(NAME, Set.of("bom.xml"), Set.of(".cdx.xml"));
    }

    @Override
    public LockfileInventory parse(LockfileSource source) {
        SbomDocument doc = new SbomDocument();
        XMLStreamReader r = null;
        try {
            r = XmlElements.open(source);
            XMLStreamReader reader = r;
            checkRoot(source, reader);
            XmlElements.forEachChild(reader, (name, line) -> {
                switch (name) {
                    case "metadata" -> readMetadata(reader, doc);
                    case "components" -> readComponents(source, reader, doc, 0);
                    case "dependencies" -> readDependencies(reader, doc);
                    default -> XmlElements.skip(reader);
                }
            });
            reader.close();
        } catch (XMLStreamException e) {
            throw XmlElements.error(source, r, e);
        }
        return new SbomInventoryBuilder(source).build(NAME, doc);
    }

    private static void checkRoot(LockfileSource source, XMLStreamReader r) {
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (!r.getLocalName().equals("bom") || !ns.startsWith(NAMESPACE_PREFIX)) {
            throw new LockfileParseException(source, XmlElements.line(r), "not a CycloneDX SBOM: root element <"
                    + r.getLocalName() + "> in namespace '" + ns + "'");
        }
        String version = ns.substring(NAMESPACE_PREFIX.length());
        if (SpecVersion.fromLabel(version).isEmpty()) {
            throw new LockfileParseException(source, XmlElements.line(r), "CycloneDX specVersion '" + version
                    + "' is not supported (" + SpecVersion.labels() + ")");
        }
    }

    private static void readMetadata(XMLStreamReader r, SbomDocument doc) throws XMLStreamException {
        XmlElements.forEachChild(r, (name, line) -> {
            if (name.equals("component")) {
                String ref = XmlElements.attribute(r, "bom-ref");
                if (!ref.isEmpty()) {
                    doc.subjects.add(ref);
                }
            }
            XmlElements.skip(r);
        });
    }

    private static void readComponents(LockfileSource source, XMLStreamReader r, SbomDocument doc, int depth)
            throws XMLStreamException {
        if (depth > JsonInput.MAX_NESTING) {
            throw new LockfileParseException(source, XmlElements.line(r), "components nested too deeply");
        }
        XmlElements.forEachChild(r, (name, line) -> {
            if (!name.equals("component")) {
                XmlElements.skip(r);
                return;
            }
            SbomEntry entry = new SbomEntry(line);
            entry.ref = XmlElements.attribute(r, "bom-ref");
            doc.entries.add(entry);
            XmlElements.forEachChild(r, (field, fieldLine) -> readField(source, r, doc, depth, entry, field));
        });
    }

    private static void readField(LockfileSource source, XMLStreamReader r, SbomDocument doc, int depth,
                                  SbomEntry entry, String field) throws XMLStreamException {
        switch (field) {
            case "group" -> entry.group = XmlElements.text(r);
            case "name" -> entry.name = XmlElements.text(r);
            case "version" -> entry.version = XmlElements.text(r);
            case "scope" -> entry.scope = XmlElements.text(r);
            case "purl" -> {
                entry.purlLine = XmlElements.line(r);
                entry.purl = XmlElements.text(r);
            }
            case "hashes" -> XmlElements.forEachChild(r, (name, line) -> entry.hashes.add(
                    new SbomEntry.RawHash(XmlElements.attribute(r, "alg"), XmlElements.text(r), line)));
            case "externalReferences" -> XmlElements.forEachChild(r, (name, line) -> {
                String type = XmlElements.attribute(r, "type");
                XmlElements.forEachChild(r, (child, childLine) -> {
                    if (child.equals("url")) {
                        entry.externalReference(type, XmlElements.text(r));
                    } else {
                        XmlElements.skip(r);
                    }
                });
            });
            case "properties" -> XmlElements.forEachChild(r, (name, line) -> entry.properties.add(
                    new SbomEntry.RawProperty(XmlElements.attribute(r, "name"), XmlElements.text(r))));
            case "components" -> readComponents(source, r, doc, depth + 1);
            default -> XmlElements.skip(r);
        }
    }

    private static void readDependencies(XMLStreamReader r, SbomDocument doc) throws XMLStreamException {
        XmlElements.forEachChild(r, (name, line) -> {
            String from = XmlElements.attribute(r, "ref");
            XmlElements.forEachChild(r, (child, childLine) -> {
                doc.edges.add(new SbomDocument.Edge(from, XmlElements.attribute(r, "ref")));
                XmlElements.skip(r);
            });
        });
    }
}
