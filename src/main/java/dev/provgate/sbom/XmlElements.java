// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.LockfileSource;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX over untrusted XML: no DTDs, no external entities, and errors that name the line. */
final class XmlElements {
    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlElements() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** A reader positioned on the root element. */
    static XMLStreamReader open(LockfileSource source) throws XMLStreamException {
        TextInput.requireXmlText(source);
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(source.bytes()));
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, white space
        }
        if (!r.isStartElement()) {
            throw new LockfileParseException(source, line(r), "no XML element found");
        }
        return r;
    }

    /** Calls the visitor for each child element of the element the reader is on; ends on its end tag. */
    static void forEachChild(XMLStreamReader r, ChildVisitor visitor) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                visitor.visit(r.getLocalName(), line(r));
                if (!r.isEndElement()) {
                    throw new IllegalStateException("visitor left <" + r.getLocalName() + "> unfinished");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    /** Skips the element the reader is on, with everything inside it (iteratively: depth costs no stack). */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text of a leaf element, stripped. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        return r.getElementText().strip();
    }

    static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? "" : v;
    }

    static int line(XMLStreamReader r) {
        return r.getLocation() == null ? 0 : Math.max(r.getLocation().getLineNumber(), 0);
    }

    static LockfileParseException error(LockfileSource source, XMLStreamException e) {
        return error(source, null, e);
    }

    /** As above; a limit the reader enforces (element depth) comes without a location, so the reader's names it. */
    static LockfileParseException error(LockfileSource source, XMLStreamReader reader, XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNumber(), 0);
        if (line == 0 && reader != null) {
            line = line(reader);
        }
        // StAX messages carry the position on a line of its own; the line number is reported separately.
        String msg = e.getMessage() == null ? "" : e.getMessage().lines()
                .filter(l -> !l.contains("[row,col")).findFirst().orElse("malformed").replaceFirst("^Message: ", "");
        return new LockfileParseException(source.displayPath(), line, "invalid XML: " + msg.strip(), e);
    }

    /** Receives one child element: its local name and line; must consume it up to its end tag. */
    @FunctionalInterface
    interface ChildVisitor {
        void visit(String name, int line) throws XMLStreamException;
    }
}
