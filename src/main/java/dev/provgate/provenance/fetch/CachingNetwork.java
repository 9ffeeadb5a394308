// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.provenance.store.StoreFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An on-disk HTTP cache in front of a {@link Network}, keyed by method, URL and request headers. 200 and 404/410
 * answers are kept. A fresh entry (younger than the TTL) is served without a request; a stale one is revalidated
 * with If-None-Match / If-Modified-Since, and a 304 renews it. Offline, any entry is served however old: that is
 * what the cache is for in an air-gapped run. A damaged entry is a miss, never an error.
 */
public final class CachingNetwork implements Network {
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    private final Network delegate;
    private final Path dir;
    private final Duration ttl;
    private final Clock clock;

    public CachingNetwork(Network delegate, Path dir, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.dir = dir;
        this.ttl = ttl;
        this.clock = clock;
    }

    private record Entry(int status, Map<String, String> headers, Instant storedAt, byte[] body) {
        Response response() {
            return new Response(status, headers, body, true);
        }
    }

    @Override
    public Response send(Request request) throws IOException {
        String key = key(request);
        Optional<Entry> entry = read(key);
        if (entry.isPresent() && (!delegate.online() || fresh(entry.get()))) {
            return entry.get().response();
        }
        Response response = delegate.send(entry.map(e -> conditional(request, e)).orElse(request));
        if (response.status() == 304 && entry.isPresent()) {
            Entry renewed = new Entry(entry.get().status(), entry.get().headers(), clock.instant(), entry.get().body());
            write(key, request, renewed);
            return renewed.response();
        }
        if (response.ok() || response.notFound()) {
            write(key, request, new Entry(response.status(), response.headers(), clock.instant(), response.body()));
        }
        return response;
    }

    @Override
    public boolean online() {
        return delegate.online();
    }

    private boolean fresh(Entry e) {
        return Duration.between(e.storedAt(), clock.instant()).compareTo(ttl) < 0;
    }

    private static Request conditional(Request request, Entry e) {
        Request r = request;
        String etag = e.headers().get("etag");
        String modified = e.headers().get("last-modified");
        if (etag != null) {
            r = r.withHeader("If-None-Match", etag);
        }
        if (modified != null) {
            r = r.withHeader("If-Modified-Since", modified);
        }
        return r;
    }

    private Optional<Entry> read(String key) {
        try {
            Optional<JsonNode> meta = StoreFiles.readJson(dir.resolve(key + ".json"));
            Optional<byte[]> body = StoreFiles.read(dir.resolve(key + ".body"));
            if (meta.isEmpty() || body.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> headers = new HashMap<>();
            meta.get().path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return Optional.of(new Entry(meta.get().path("status").asInt(), headers,
                    Instant.parse(meta.get().path("storedAt").asText()), body.get()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void write(String key, Request request, Entry e) {
        Map<String, Object> meta = new TreeMap<>();
        meta.put("method", request.method());
        meta.put("url", request.uri().toString());
        meta.put("status", e.status());
        meta.put("storedAt", e.storedAt().toString());
        meta.put("headers", new TreeMap<>(e.headers()));
        StoreFiles.write(dir.resolve(key + ".body"), e.body());
        StoreFiles.write(dir.resolve(key + ".json"), StoreFiles.jsonBytes(meta));
    }

    private static String key(Request request) {
        StringBuilder s = new StringBuilder(request.method()).append(' ').append(request.uri());
        new TreeMap<>(request.headers()).forEach((k, v) -> s.append('\n').append(k).append(": ").append(v));
        return Sha256.hex(s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
