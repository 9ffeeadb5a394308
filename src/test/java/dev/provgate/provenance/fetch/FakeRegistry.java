// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry on 127.0.0.1 (a free port) for tests: answers per raw path (percent-encoding kept), in order when
 * several answers are queued for a path (the last one repeats), 404 for anything unknown. Records every request.
 */
public final class FakeRegistry implements AutoCloseable {
    /** One canned answer; {@code delayMillis} before answering, to provoke timeouts. */
    public record Answer(int status, byte[] body, Map<String, String> headers, long delayMillis) {
        public static Answer ok(byte[] body) {
            return new Answer(200, body, Map.of(), 0);
        }

        public static Answer ok(String body) {
            return ok(body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer status(int status) {
            return new Answer(status, new byte[0], Map.of(), 0);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, body, more, delayMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, body, headers, millis);
        }
    }

    /** A request as the server saw it. */
    public record Seen(String method, String path, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FakeRegistry() {
        // Without TCP_NODELAY the JDK server sends headers and body in two segments, and Nagle plus the client's
        // delayed ACK add ~40 ms to every answer with a body.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}, plus the given path prefix. */
    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    public FakeRegistry on(String rawPath, Answer... inOrder) {
        answers.put(rawPath, new ArrayDeque<>(List.of(inOrder)));
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long count(String rawPath) {
        return seen.stream().filter(s -> s.path().equals(rawPath)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
        seen.add(new Seen(exchange.getRequestMethod(), path, headers));
        Answer a = next(path);
        try {
            Thread.sleep(a.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        boolean empty = head || a.body().length == 0 || a.status() == 304;
        exchange.sendResponseHeaders(a.status(), empty ? -1 : a.body().length);
        if (!empty) {
            exchange.getResponseBody().write(a.body());
        }
        exchange.close();
    }

    private Answer next(String path) {
        Deque<Answer> queue = answers.get(path);
        if (queue == null || queue.isEmpty()) {
            return Answer.status(404);
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
