// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.maven;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.lockfile.support.TextInput;
import dev.provgate.model.LockfileSource;
import java.io.ByteArrayInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX reading that cannot be turned against the reader: no DTDs, no external entities (XXE), and errors that name
 * the file and line.
 */
final class SecureXml {
    static final int MAX_DEPTH = 256;
    private static final XMLInputFactory FACTORY = newFactory();

    private SecureXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** A reader over the source; a DOCTYPE is refused when {@link #next} meets it. */
    static XMLStreamReader open(LockfileSource source) {
        TextInput.requireXmlText(source);
        try {
            return FACTORY.createXMLStreamReader(new ByteArrayInputStream(source.bytes()));
        } catch (XMLStreamException e) {
            throw error(source, e);
        }
    }

    /** The next event; DTDs and entity references are input errors. */
    static int next(LockfileSource source, XMLStreamReader r) {
        try {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new LockfileParseException(source, line(r), "XML with a DOCTYPE is not accepted (DTDs and "
                        + "entities are refused for safety)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new LockfileParseException(source, line(r), "XML entity '&" + r.getLocalName()
                        + ";' is not accepted");
            }
            return event;
        } catch (XMLStreamException e) {
            throw error(source, e);
        } catch (java.util.MissingResourceException e) {
            // The JDK's reader fails this way on some malformed input (its message for the error is missing).
            throw new LockfileParseException(source.displayPath(), line(r), "malformed XML", e);
        }
    }

    /**
     * Reads the whole document once, so that malformed XML is reported before anything else looks at it; elements
     * nested deeper than {@value #MAX_DEPTH} are refused too (Maven's readers recurse per level of plugin
     * configuration, and a deep one ended in a StackOverflowError).
     */
    static void requireWellFormed(LockfileSource source) {
        XMLStreamReader r = open(source);
        int depth = 0;
        for (int event = next(source, r); event != XMLStreamConstants.END_DOCUMENT; event = next(source, r)) {
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
            if (depth > MAX_DEPTH) {
                throw new LockfileParseException(source, line(r), "XML elements nested deeper than " + MAX_DEPTH);
            }
        }
    }

    static int line(XMLStreamReader r) {
        Location loc = r.getLocation();
        return loc == null ? 0 : Math.max(loc.getLineNumber(), 0);
    }

    static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null ? null : v.strip();
    }

    private static LockfileParseException error(LockfileSource source, XMLStreamException e) {
        Location loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(loc.getLineNumber(), 0);
        String msg = e.getMessage() == null ? "" : e.getMessage();
        int detail = msg.indexOf("Message: ");
        msg = detail >= 0 ? msg.substring(detail + "Message: ".length()) : msg;
        int nl = msg.indexOf('\n');
        msg = nl >= 0 ? msg.substring(0, nl) : msg;
        if (line == 0 && msg.contains("Premature end of file")) {
            line = (int) source.text().lines().count(); // the reader gives no position at the end
        }
        return new LockfileParseException(source.displayPath(), line, "malformed XML: " + msg.strip(), e);
    }
}
