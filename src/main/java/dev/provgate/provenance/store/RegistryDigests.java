// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.store;

import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The digests the registry serves for a version's files, as {@code registry-digests.json} records them: npm's
 * {@code dist.integrity} and {@code dist.shasum}, PyPI's {@code urls[].digests}, a Maven repository's checksum files.
 * Compared with the lockfile's digests whether or not the version is signed.
 *
 * @param digests one per file and algorithm; {@link Hash#fileName()} is empty for npm's single tarball
 * @param source  where they were read ({@code npm dist.integrity}, {@code pypi urls.digests}, {@code maven .sha256})
 * @param url     the document they were read from
 */
public record RegistryDigests(List<Hash> digests, String source, String url) {
    public RegistryDigests {
        digests = List.copyOf(digests);
        Objects.requireNonNull(source, "source");
        url = url == null ? "" : url;
    }

    /**
     * The digests of an npm Subresource Integrity string ({@code sha512-BASE64 sha1-BASE64}) for {@code file}; tokens
     * of another algorithm or length are left out (registry data, read leniently: what is left is still compared).
     */
    public static List<Hash> ofSri(String integrity, String file) {
        List<Hash> out = new ArrayList<>();
        for (String token : integrity.strip().split("\\s+")) {
            int dash = token.indexOf('-');
            Optional<HashAlgorithm> algorithm = dash > 0 ? HashAlgorithm.parse(token.substring(0, dash))
                    : Optional.empty();
            if (algorithm.isEmpty()) {
                continue;
            }
            int options = token.indexOf('?', dash);
            try {
                byte[] bytes = Base64.getDecoder().decode(token.substring(dash + 1, options < 0 ? token.length()
                        : options));
                if (bytes.length == algorithm.get().length()) {
                    out.add(new Hash(algorithm.get(), HexFormat.of().formatHex(bytes), file));
                }
            } catch (IllegalArgumentException e) {
                // not base64: nothing to compare
            }
        }
        return out;
    }
}
