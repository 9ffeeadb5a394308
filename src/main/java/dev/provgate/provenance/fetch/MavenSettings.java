// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import dev.provgate.model.ProvgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** The mirror of the central repository in {@code ~/.m2/settings.xml}: {@code mirrorOf} {@code *}, {@code central}. */
final class MavenSettings {
    private static final Set<String> CENTRAL = Set.of("*", "central", "external:*");

    private MavenSettings() {
    }

    static Optional<String> centralMirror(Path settings) {
        if (!Files.isRegularFile(settings)) {
            return Optional.empty();
        }
        NodeList mirrors = parse(settings).getElementsByTagName("mirror");
        for (int i = 0; i < mirrors.getLength(); i++) {
            Element mirror = (Element) mirrors.item(i);
            for (String target : text(mirror, "mirrorOf").split(",")) {
                String url = text(mirror, "url");
                if (CENTRAL.contains(target.strip()) && !url.isEmpty()) {
                    return Optional.of(url);
                }
            }
        }
        return Optional.empty();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static Element parse(Path settings) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newDocumentBuilder().parse(settings.toFile()).getDocumentElement();
        } catch (SAXParseException e) {
            throw new ProvgateException(settings.toString(), e.getLineNumber(), "malformed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ProvgateException(settings.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
