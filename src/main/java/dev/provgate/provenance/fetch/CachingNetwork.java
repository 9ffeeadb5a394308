// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.provgate.provenance.store.StoreFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An on-disk HTTP cache in front of a {@link Network}, keyed by method, URL and request headers. 200 and 404/410
 * answers are kept. A fresh entry (younger than the TTL) is served without a request; a stale one is revalidated
 * with If-None-Match / If-Modified-Since, and a 304 renews it. Offline, any entry is served however old: that is
 * what the cache is for in an air-gapped run. A damaged entry is a miss, never an error. Only the part of a body
 * the request says it needs ({@link Request#keep()}) is stored, and the folder is kept under a size limit: when a
 * write takes it over, the least recently stored entries go until it is under nine tenths of the limit.
 */
public final class CachingNetwork implements Network {
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    private final Network delegate;
    private final Path dir;
    private final Duration ttl;
    private final Clock clock;
    private final long maxBytes;
    private long size = -1;

    public CachingNetwork(Network delegate, Path dir, Duration ttl, Clock clock) {
        this(delegate, dir, ttl, clock, DEFAULT_MAX_BYTES);
    }

    public CachingNetwork(Network delegate, Path dir, Duration ttl, Clock clock, long maxBytes) {
        this.delegate = delegate;
        this.dir = dir;
        this.ttl = ttl;
        this.clock = clock;
        this.maxBytes = maxBytes;
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
        if (response.ok()) {
            Entry kept = new Entry(response.status(), response.headers(), clock.instant(),
                    request.keep().apply(response.body()));
            write(key, request, kept);
            return new Response(kept.status(), kept.headers(), kept.body(), false);
        }
        if (response.notFound()) {
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
        byte[] metaBytes = StoreFiles.jsonBytes(meta);
        StoreFiles.write(dir.resolve(key + ".body"), e.body());
        StoreFiles.write(dir.resolve(key + ".json"), metaBytes);
        grew(e.body().length + metaBytes.length);
    }

    /** Counts what was written (the first write measures the folder) and evicts the oldest entries past the limit. */
    private synchronized void grew(long bytes) {
        if (size < 0) {
            size = entries().stream().mapToLong(CachedFile::bytes).sum();
        } else {
            size += bytes;
        }
        if (size <= maxBytes) {
            return;
        }
        List<CachedFile> oldestFirst = new ArrayList<>(entries());
        oldestFirst.sort(Comparator.comparing(CachedFile::modified).thenComparing(f -> f.path().toString()));
        long target = maxBytes / 10 * 9;
        for (CachedFile f : oldestFirst) {
            if (size <= target) {
                break;
            }
            try {
                if (Files.deleteIfExists(f.path())) {
                    size -= f.bytes();
                }
            } catch (IOException ex) {
                // another process may hold it; the next write tries again
            }
        }
    }

    private record CachedFile(Path path, long bytes, FileTime modified) {
    }

    private List<CachedFile> entries() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<CachedFile> out = new ArrayList<>();
            for (Path p : (Iterable<Path>) files::iterator) {
                try {
                    out.add(new CachedFile(p, Files.size(p), Files.getLastModifiedTime(p)));
                } catch (IOException e) {
                    // removed meanwhile
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String key(Request request) {
        StringBuilder s = new StringBuilder(request.method()).append(' ').append(request.uri());
        new TreeMap<>(request.headers()).forEach((k, v) -> s.append('\n').append(k).append(": ").append(v));
        return Sha256.hex(s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
