// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.model.ProvgateException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad bundle, trusted root and key files are one-line input errors naming the file, never a verification result. */
class InputErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty.sigstore.json         | empty file",
            "blank.sigstore.json         | empty file",
            "truncated.sigstore.json     | not valid JSON (truncated or garbled)",
            "array.sigstore.json         | expected a JSON object",
            "two-objects.sigstore.json   | malformed JSON at line 1 column 21",
            "binary.sigstore.json        | not valid JSON",
            "deeply-nested.sigstore.json | Nesting limit",
            "comment.sigstore.json       | not valid JSON",
    })
    void badBundleFile(String fixture, String message) throws URISyntaxException {
        Path file = Path.of(getClass().getResource("bundles/invalid/" + fixture).toURI());
        ProvgateException e = assertThrows(ProvgateException.class, () -> AttestationBundle.read(file));
        assertTrue(e.userMessage().startsWith(file + ":"), e.userMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(1, e.userMessage().lines().count());
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "root | {\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=9\"} | unknown trusted root media type",
            "root | {\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":[{\"publicKey\":{}}]} | tlogs[0] has no validFor.start",
            "root | {\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"certificateAuthorities\":[{}]} | certificateAuthorities[0] has no validFor.start",
            "keys | {\"keys\":[]} | no keys",
            "keys | {\"keys\":[{\"keyId\":\"k\",\"publicKey\":{\"rawBytes\":\"AAAA\"}}]} | keys[0] is not a usable EC key",
    })
    void badTrustMaterial(String kind, String json, String message) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ProvgateException e = assertThrows(ProvgateException.class, () -> {
            if (kind.equals("root")) {
                TrustedRoot.parse("trusted_root.json", bytes);
            } else {
                NpmRegistryKeys.parse("keys.json", bytes);
            }
        });
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
