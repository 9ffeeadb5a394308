// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Inventory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;

/**
 * Writes one CycloneDX SBOM for an inventory, whole, in memory. Deterministic: the same inventory gives the same
 * bytes; the serial number is derived from the content, never random.
 */
public final class CycloneDxWriter {
    /** Stands in for the serial number while the content it is derived from is rendered. */
    static final String PLACEHOLDER_SERIAL = "urn:uuid:00000000-0000-0000-0000-000000000000";

    /** The complete document, UTF-8, ending with a newline. */
    public byte[] write(Inventory inventory, SbomOptions options) {
        Bom bom = BomAssembler.assemble(inventory, options);
        bom.setSerialNumber(PLACEHOLDER_SERIAL);
        String canonical = render(bom, options.format(), options.specVersion());
        // The serial number is the document's first attribute (XML) or fourth field (JSON): ahead of any content.
        int at = canonical.indexOf(PLACEHOLDER_SERIAL);
        String text = canonical.substring(0, at) + serialNumber(canonical)
                + canonical.substring(at + PLACEHOLDER_SERIAL.length());
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code urn:uuid:} and a UUID of version 8 (RFC 9562, the name-based layout for hashes other than SHA-1) made
     * from the SHA-256 of the document as rendered with an all-zero serial number.
     */
    static String serialNumber(String canonical) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(digest);
        return "urn:uuid:" + new UUID(b.getLong(), b.getLong());
    }

    private static String render(Bom bom, SbomFormat format, SpecVersion version) {
        try {
            String text = format == SbomFormat.JSON
                    ? BomGeneratorFactory.createJson(version.cyclonedx(), bom).toJsonString()
                    : BomGeneratorFactory.createXml(version.cyclonedx(), bom).toXmlString();
            return text.endsWith("\n") ? text : text + "\n";
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX generator failed: " + e.getMessage(), e);
        }
    }
}
