// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The only way provgate reaches a registry. {@link OfflineNetwork} refuses every call, so {@code --offline} needs no
 * HTTP client at all; {@link HttpNetwork} does the real thing; {@link CachingNetwork} sits in front of either.
 */
public interface Network {
    /** The response, whatever its status; IOException when no response came (after retries). */
    Response send(Request request) throws IOException;

    /** False when no request can ever reach a server. */
    boolean online();

    /**
     * A GET or HEAD with extra headers (conditional-request headers, Accept).
     *
     * @param keep the part of a successful body the caller needs; a cache stores only that (an npm packument of
     *             21 MB becomes the few fields verification and the release-age rule read)
     */
    record Request(String method, URI uri, Map<String, String> headers, UnaryOperator<byte[]> keep) {
        public Request {
            headers = Map.copyOf(headers);
            keep = keep == null ? UnaryOperator.identity() : keep;
        }

        public Request(String method, URI uri, Map<String, String> headers) {
            this(method, uri, headers, UnaryOperator.identity());
        }

        /** The same request, of whose body only {@code part} is needed. */
        public Request keeping(UnaryOperator<byte[]> part) {
            return new Request(method, uri, headers, part);
        }

        public static Request get(URI uri) {
            return new Request("GET", uri, Map.of());
        }

        public static Request head(URI uri) {
            return new Request("HEAD", uri, Map.of());
        }

        public Request withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Request(method, uri, more, keep);
        }
    }

    /**
     * @param status  the HTTP status
     * @param headers response headers, names lower case, first value of each
     * @param body    the body (empty for HEAD)
     * @param cached  true when served from the on-disk cache
     */
    record Response(int status, Map<String, String> headers, byte[] body, boolean cached) {
        public Response {
            Map<String, String> lower = new TreeMap<>();
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            headers = Map.copyOf(lower);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean notFound() {
            return status == 404 || status == 410;
        }
    }
}
