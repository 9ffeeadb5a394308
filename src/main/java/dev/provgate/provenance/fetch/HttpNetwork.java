// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real HTTP with java.net.http: a connect and a request timeout, and bounded retries with exponential backoff on
 * timeouts, 429 and 5xx only (a 404 or a TLS failure will not get better by asking again).
 */
public final class HttpNetwork implements Network {
    /** Largest body read: the lockfile size limit, and well above any jar or packument seen in practice. */
    public static final int MAX_BODY_BYTES = 256 * 1024 * 1024;
    private static final String USER_AGENT = "provgate (attestation fetcher)";
    private final HttpClient client;
    private final Settings settings;
    private final int maxBodyBytes;

    /**
     * @param timeout    connect timeout and whole-request timeout, per attempt
     * @param attempts   tries per request, at least 1
     * @param backoff    wait before the second try; doubles each time
     * @param maxBackoff cap on any wait, including a server's Retry-After
     */
    public record Settings(Duration timeout, int attempts, Duration backoff, Duration maxBackoff) {
        public Settings {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
        }

        public static Settings withTimeout(Duration timeout) {
            return new Settings(timeout, 3, Duration.ofMillis(500), Duration.ofSeconds(10));
        }
    }

    public HttpNetwork(Settings settings) {
        this(settings, MAX_BODY_BYTES);
    }

    HttpNetwork(Settings settings, int maxBodyBytes) {
        this.settings = settings;
        this.maxBodyBytes = maxBodyBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Response send(Request request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == settings.attempts();
            try {
                Response response = once(request);
                if (last || !retryable(response.status())) {
                    return response;
                }
                pause(waitBefore(attempt + 1, response.header("retry-after")));
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new HttpTimeoutException("timed out after " + settings.attempts() + " attempts ("
                            + settings.timeout().toMillis() + " ms each): " + request.uri());
                }
                pause(waitBefore(attempt + 1, Optional.empty()));
            }
        }
    }

    @Override
    public boolean online() {
        return true;
    }

    private Response once(Request request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(settings.timeout())
                .header("User-Agent", USER_AGENT)
                .method(request.method(), HttpRequest.BodyPublishers.noBody());
        request.headers().forEach(b::header);
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<String, String> headers = new HashMap<>();
            r.headers().map().forEach((k, v) -> {
                if (!k.startsWith(":")) {
                    headers.put(k, v.isEmpty() ? "" : v.get(0));
                }
            });
            return new Response(r.statusCode(), headers, bounded(r.body(), request), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + request.uri());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains(request.uri().toString())) {
                throw e; // ours (the size limit): already says what and where
            }
            throw new IOException("cannot fetch " + request.uri() + ": " + cause(e), e);
        }
    }

    /**
     * What went wrong, in words: the exception's kind and message and those of its causes ({@code ConnectException}
     * alone, which is all the JDK says when a connection is refused, is not a message).
     */
    static String cause(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String kind = switch (t.getClass().getSimpleName()) {
                case "ConnectException" -> "connection refused or unreachable";
                case "UnknownHostException" -> "unknown host";
                case "SSLHandshakeException" -> "TLS handshake failed";
                case "ClosedChannelException" -> "connection closed";
                default -> t.getClass().getSimpleName();
            };
            String message = t.getMessage() == null || t.getMessage().isBlank() ? "" : " (" + t.getMessage() + ")";
            String part = kind + message;
            if (out.indexOf(part) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(part);
            }
        }
        return out.toString();
    }

    /** The body, refused past the limit so a broken or hostile server cannot exhaust memory. */
    private byte[] bounded(InputStream body, Request request) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new IOException("response over " + maxBodyBytes + " bytes from " + request.uri());
            }
            return bytes;
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** Exponential backoff, or the server's Retry-After (seconds) when it says so; never above the cap. */
    Duration waitBefore(int attempt, Optional<String> retryAfter) {
        Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt - 2, 16));
        Optional<Duration> asked = retryAfter.filter(s -> s.strip().matches("\\d{1,6}"))
                .map(s -> Duration.ofSeconds(Long.parseLong(s.strip())));
        if (asked.isPresent()) {
            wait = asked.get();
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private static void pause(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
