package se.iop.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small client for the JSON API as one user, with HTTP Basic or an API token; it keeps no cookies. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String authorization;
    /** The server asked; null for the integration tests' server ({@link #base()}). */
    private final URI server;

    private Api(String authorization) {
        this(authorization, null);
    }

    private Api(String authorization, URI server) {
        this.authorization = authorization;
        this.server = server;
    }

    /** The same client asking another server, e.g. a {@link Node} of its own. */
    public Api at(URI server) {
        return new Api(authorization, server);
    }

    public static Api as(String username, String password) {
        return new Api("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client sending this API token ({@code Authorization: Bearer …}), or any text in its place. */
    public static Api bearer(String token) {
        return new Api("Bearer " + token);
    }

    /** A client sending exactly this Authorization header. */
    public static Api authorization(String header) {
        return new Api(header);
    }

    public static Api admin() {
        return as("admin", ItDatabase.ADMIN_PASSWORD);
    }

    /** One of the demo accounts (the tests run with the Nyköping demo loaded). */
    public static Api demo(String username) {
        return as(username, "bostadforst");
    }

    public static Api anonymous() {
        return new Api(null);
    }

    public static URI base() {
        return URI.create("http://127.0.0.1:" + System.getProperty("iop.it.httpPort", "8080") + "/");
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json, headers);
    }

    public Reply put(String path, String json, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any request, e.g. with a content type the API does not take; headers as name, value, name, value… */
    public Reply send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder((server == null ? base() : server)
                        .resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, body, and the body read as JSON. */
    public record Reply(int status, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readArray();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
