package org.casetrail.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for end-to-end tests: requests as a named demo user, JSON answers as trees. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String user;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String base, String user, Map<String, String> headers) {
        this.base = base;
        this.user = user;
        this.headers.putAll(headers);
    }

    static Api at(int port) {
        return new Api("http://localhost:" + port, null, Map.of());
    }

    Api as(String user) {
        return new Api(base, user, headers);
    }

    Api header(String name, String value) {
        var copy = new Api(base, user, headers);
        copy.headers.put(name, value);
        return copy;
    }

    Response get(String path) {
        return send(builder(path).GET());
    }

    Response head(String path) {
        return send(builder(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    Response post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                                 .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                                 .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder builder(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":casetrail").getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + raw.body(), e);
            }
        }

        String text(String field) {
            return json().path(field).asText();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
