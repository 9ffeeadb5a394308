// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provgate.provenance.fetch.FakeRegistry.Answer;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retries, backoff and timeouts against a local server. */
class HttpNetworkTest {
    private final FakeRegistry registry = new FakeRegistry();

    @AfterEach
    void stop() {
        registry.close();
    }

    private static HttpNetwork network(long timeoutMillis) {
        return new HttpNetwork(new HttpNetwork.Settings(Duration.ofMillis(timeoutMillis), 3, Duration.ofMillis(5),
                Duration.ofMillis(50)));
    }

    private Network.Response get(HttpNetwork net, String path) throws Exception {
        return net.send(Network.Request.get(URI.create(registry.url(path))));
    }

    @ParameterizedTest(name = "{0} then 200")
    @CsvSource({"503 503", "429", "500", "502 429", "504"})
    void retriesServerErrorsAndTooManyRequestsThenSucceeds(String failures) throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (String status : failures.split(" ")) {
            answers.add(Answer.status(Integer.parseInt(status)));
        }
        answers.add(Answer.ok("body"));
        registry.on("/p", answers.toArray(Answer[]::new));
        Network.Response r = get(network(2000), "/p");
        assertEquals(200, r.status());
        assertArrayEquals("body".getBytes(), r.body());
        assertEquals(answers.size(), registry.count("/p"));
    }

    @Test
    void givesUpAfterThreeAttemptsWithTheLastAnswer() throws Exception {
        registry.on("/p", Answer.status(503));
        assertEquals(503, get(network(2000), "/p").status());
        assertEquals(3, registry.count("/p"));
    }

    @ParameterizedTest(name = "{0} is not retried")
    @CsvSource({"404", "403", "401", "400"})
    void clientErrorsAreNotRetried(int status) throws Exception {
        registry.on("/p", Answer.status(status));
        assertEquals(status, get(network(2000), "/p").status());
        assertEquals(1, registry.count("/p"));
    }

    @Test
    void timeoutIsRetriedThenReportedWithTheUrl() {
        registry.on("/slow", Answer.ok("late").delayed(3000));
        HttpTimeoutException e = assertThrows(HttpTimeoutException.class, () -> get(network(150), "/slow"));
        assertTrue(e.getMessage().contains("timed out after 3 attempts (150 ms each)"), e.getMessage());
        assertTrue(e.getMessage().contains("/slow"), e.getMessage());
        assertEquals(3, registry.count("/slow"));
    }

    @Test
    void slowFirstAnswerThenFastOneSucceeds() throws Exception {
        registry.on("/p", Answer.ok("late").delayed(3000), Answer.ok("fast"));
        assertArrayEquals("fast".getBytes(), get(network(200), "/p").body());
    }

    @Test
    void oversizedBodyIsRefused() {
        registry.on("/big", Answer.ok("x".repeat(100)));
        HttpNetwork small = new HttpNetwork(HttpNetwork.Settings.withTimeout(Duration.ofSeconds(2)), 10);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> get(small, "/big"));
        assertEquals("response over 10 bytes from " + registry.url("/big"), e.getMessage());
    }

    @Test
    void headRequestCarriesHeadersWithoutBody() throws Exception {
        registry.on("/jar", Answer.ok("bytes").withHeader("Last-Modified", "Thu, 20 Nov 2025 20:45:00 GMT"));
        Network.Response r = network(2000).send(Network.Request.head(URI.create(registry.url("/jar"))));
        assertEquals(Optional.of("Thu, 20 Nov 2025 20:45:00 GMT"), r.header("last-modified"));
        assertEquals(0, r.body().length);
        assertEquals("HEAD", registry.seen().get(0).method());
    }

    @ParameterizedTest(name = "attempt {0}, Retry-After {1}: wait {2} ms")
    @CsvSource(nullValues = "-", value = {"2, -, 5", "3, -, 10", "4, -, 20", "9, -, 50", "2, 0, 0", "2, 7, 50",
            "2, soon, 5"})
    void backoffDoublesAndHonoursRetryAfterUpToTheCap(int attempt, String retryAfter, long millis) {
        assertEquals(Duration.ofMillis(millis), network(100).waitBefore(attempt, Optional.ofNullable(retryAfter)));
    }

    @Test
    void aRefusedConnectionIsReportedWithTheUrlAndTheCauseInWords() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + "/x");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new HttpNetwork(HttpNetwork.Settings.withTimeout(Duration.ofSeconds(5)))
                        .send(Network.Request.get(uri)));
        assertTrue(e.getMessage().startsWith("cannot fetch " + uri + ": connection refused or unreachable"),
                e.getMessage());
    }
}
