// SPDX-License-Identifier: Apache-2.0
package dev.provgate.sbom;

import dev.provgate.model.Inventory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
    private static final byte[] PLACEHOLDER = PLACEHOLDER_SERIAL.getBytes(StandardCharsets.US_ASCII);

    /** The complete document, UTF-8, ending with a newline. */
    public byte[] write(Inventory inventory, SbomOptions options) {
        Bom bom = BomAssembler.assemble(inventory, options);
        bom.setSerialNumber(PLACEHOLDER_SERIAL);
        byte[] document = render(bom, options.format(), options.specVersion());
        // The serial number is the document's first attribute (XML) or third field (JSON): ahead of any content.
        // Its placeholder has the length of every serial number, so it is replaced in place.
        int at = indexOf(document, PLACEHOLDER);
        byte[] serial = serialNumber(document).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(serial, 0, document, at, serial.length);
        return document;
    }

    /**
     * {@code urn:uuid:} and a UUID of version 8 (RFC 9562, the name-based layout for hashes other than SHA-1) made
     * from the SHA-256 of the document as rendered with an all-zero serial number.
     */
    static String serialNumber(byte[] canonical) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
        digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(digest);
        return "urn:uuid:" + new UUID(b.getLong(), b.getLong());
    }

    /** JSON through {@link BomJsonWriter}, XML through CycloneDX Core Java's generator; both end with a newline. */
    private static byte[] render(Bom bom, SbomFormat format, SpecVersion version) {
        byte[] body;
        if (format == SbomFormat.JSON) {
            body = BomJsonWriter.write(bom, version);
        } else {
            try {
                body = BomGeneratorFactory.createXml(version.cyclonedx(), bom).toXmlString()
                        .getBytes(StandardCharsets.UTF_8);
            } catch (GeneratorException e) {
                throw new IllegalStateException("CycloneDX generator failed: " + e.getMessage(), e);
            }
        }
        if (body.length > 0 && body[body.length - 1] == '\n') {
            return body;
        }
        byte[] withNewline = Arrays.copyOf(body, body.length + 1);
        withNewline[body.length] = '\n';
        return withNewline;
    }

    private static int indexOf(byte[] document, byte[] part) {
        outer:
        for (int i = 0; i <= document.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (document[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the serial number placeholder is missing from the rendered document");
    }
}
