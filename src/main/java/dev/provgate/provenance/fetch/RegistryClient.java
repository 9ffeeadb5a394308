// SPDX-License-Identifier: Apache-2.0
package dev.provgate.provenance.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Registry requests as the fetchers need them: 404/410 is "absent", any other non-2xx an IOException naming it. */
final class RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Network network;

    RegistryClient(Network network) {
        this.network = network;
    }

    /** The response of a GET when the resource exists, empty when the registry says it does not. */
    Optional<Network.Response> get(String url, String accept) throws IOException {
        Network.Request request = Network.Request.get(URI.create(url));
        return present(network.send(accept.isEmpty() ? request : request.withHeader("Accept", accept)), url);
    }

    Optional<Network.Response> head(String url) throws IOException {
        return present(network.send(Network.Request.head(URI.create(url))), url);
    }

    Optional<JsonNode> getJson(String url) throws IOException {
        return getJson(url, java.util.function.UnaryOperator.identity());
    }

    /** A JSON document of which only {@code keep}'s part is needed (and cached). */
    Optional<JsonNode> getJson(String url, java.util.function.UnaryOperator<byte[]> keep) throws IOException {
        Network.Request request = Network.Request.get(URI.create(url)).withHeader("Accept", "application/json")
                .keeping(keep);
        Optional<Network.Response> r = present(network.send(request), url);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(r.get().body()));
        } catch (IOException e) {
            throw new IOException("malformed JSON from " + url + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Network.Response> present(Network.Response r, String url) throws IOException {
        if (r.notFound()) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new IOException("HTTP " + r.status() + " from " + url);
        }
        return Optional.of(r);
    }

    /** One path segment, percent-encoded ({@code @scope/name} becomes {@code @scope%2Fname}). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }

    static Optional<Instant> instant(String iso) {
        try {
            return iso == null || iso.isBlank() ? Optional.empty() : Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An HTTP date (Last-Modified). */
    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
