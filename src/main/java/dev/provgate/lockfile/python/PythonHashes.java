// SPDX-License-Identifier: Apache-2.0
package dev.provgate.lockfile.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.lockfile.LockfileParseException;
import dev.provgate.model.Hash;
import dev.provgate.model.HashAlgorithm;
import dev.provgate.model.LockfileSource;
import java.util.ArrayList;
import java.util.List;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Digests as Python lockfiles write them ({@code sha256:hex}) and the file names they belong to. */
final class PythonHashes {
    private PythonHashes() {
    }

    /** Parses {@code algorithm:hex}; a digest without a known algorithm is an input error on {@code line}. */
    static Hash parse(LockfileSource source, int line, String spec, String fileName) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new LockfileParseException(source, line, "hash without algorithm: '" + spec
                    + "' (expected e.g. sha256:<hex>)");
        }
        return of(source, line, spec.substring(0, colon), spec.substring(colon + 1), fileName);
    }

    /** A digest given as algorithm name and hex; unknown algorithms and malformed hex are input errors. */
    static Hash of(LockfileSource source, int line, String algorithm, String hex, String fileName) {
        HashAlgorithm alg = HashAlgorithm.parse(algorithm).orElseThrow(() -> new LockfileParseException(source,
                line, "unknown hash algorithm '" + algorithm + "'"));
        try {
            return new Hash(alg, hex, fileName);
        } catch (IllegalArgumentException e) {
            throw new LockfileParseException(source, line, "malformed " + algorithm + " digest '" + hex + "'");
        }
    }

    /** The last path segment of a URL or path, without query or fragment, percent-decoded. */
    static String fileName(String urlOrPath) {
        String s = urlOrPath;
        int cut = indexOfAny(s, '#', '?');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        s = s.replace('\\', '/');
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String last = s.substring(s.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** {@code [{file, hash}]} or {@code [{url, hash}]} entries as per-file hashes. */
    static List<Hash> fromFileEntries(LockfileSource source, int line, JsonNode files) {
        List<Hash> out = new ArrayList<>();
        for (JsonNode f : files) {
            String spec = JsonFields.text(f, "hash");
            if (spec.isEmpty()) {
                continue;
            }
            String file = f.has("file") ? JsonFields.text(f, "file") : fileName(JsonFields.text(f, "url"));
            out.add(parse(source, line, spec, file));
        }
        return out;
    }
}
