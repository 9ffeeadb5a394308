// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.npm;

import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** npm Subresource Integrity strings ({@code sha512-BASE64 sha1-BASE64}) as hex digests. */
final class Integrity {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<HashAlgorithm> SRI_ALGORITHMS =
            EnumSet.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256, HashAlgorithm.SHA384, HashAlgorithm.SHA512);

    private Integrity() {
    }

    /** Every digest in the string; an unknown algorithm or a digest of the wrong length is an input error. */
    static List<Hash> parse(String integrity, LockfileSource source, int line) {
        List<Hash> hashes = new ArrayList<>();
        if (integrity == null || integrity.isBlank()) {
            return hashes;
        }
        for (String token : WHITESPACE.split(integrity.trim())) {
            Hash hash = parseOne(token, source, line);
            if (!hashes.contains(hash)) {
                hashes.add(hash);
            }
        }
        return hashes;
    }

    private static Hash parseOne(String token, LockfileSource source, int line) {
        int dash = token.indexOf('-');
        HashAlgorithm algorithm = dash <= 0 ? null
                : HashAlgorithm.parse(token.substring(0, dash)).filter(SRI_ALGORITHMS::contains).orElse(null);
        if (algorithm == null) {
            throw new LockfileParseException(source, line, "integrity '" + abbreviate(token)
                    + "' does not start with sha1-, sha256-, sha384- or sha512-");
        }
        int options = token.indexOf('?', dash);
        String base64 = token.substring(dash + 1, options < 0 ? token.length() : options);
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, line, "integrity '" + abbreviate(token) + "' is not base64");
        }
        if (digest.length != algorithm.length()) {
            throw new LockfileParseException(source, line, "integrity '" + abbreviate(token) + "' has "
                    + digest.length + " bytes, a " + algorithm.cyclonedxName() + " digest has " + algorithm.length());
        }
        return new Hash(algorithm, HexFormat.of().formatHex(digest));
    }

    /** The SHA-1 a yarn classic {@code resolved} URL carries after {@code #}, if it is one. */
    static List<Hash> sha1Fragment(String resolvedUrl) {
        int hash = resolvedUrl.lastIndexOf('#');
        if (hash < 0 || !NpmSources.isHttp(resolvedUrl)) {
            return List.of();
        }
        String fragment = resolvedUrl.substring(hash + 1);
        if (fragment.length() == 40 && fragment.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return List.of(new Hash(HashAlgorithm.SHA1, fragment));
        }
        return List.of();
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }
}
