package io.mercato;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the running platform, speaking JSON, optionally as a logged-in account. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final @Nullable String token;
    private final @Nullable String language;

    public Api(int port) {
        this("http://localhost:" + port, null, null);
    }

    private Api(String base, @Nullable String token, @Nullable String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    public Api as(String token) {
        return new Api(base, token, language);
    }

    public Api anonymous() {
        return new Api(base, null, language);
    }

    /** The same caller asking for answers in a language ({@code Accept-Language}), such as {@code zh-CN}. */
    public Api in(String languageTag) {
        return new Api(base, token, languageTag);
    }

    public @Nullable String token() {
        return token;
    }

    /** The address of a path on the application, for tests that need a client of their own. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** A GET that accepts any content type, for text endpoints such as metrics. */
    public Response text(String path) {
        return exchange("GET", path, null, null, "*/*");
    }

    public Response post(String path, @Nullable Object body) {
        return send("POST", path, body, null);
    }

    /** A POST with a fresh Idempotency-Key. */
    public Response create(String path, @Nullable Object body) {
        return send("POST", path, body, UUID.randomUUID().toString());
    }

    public Response post(String path, @Nullable Object body, String idempotencyKey) {
        return send("POST", path, body, idempotencyKey);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, null);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Sends a body exactly as given, for malformed-input tests. */
    /** A page as a browser asks for it (HTML). */
    public Response page(String path) {
        return exchange("GET", path, null, null, "text/html");
    }

    public Response raw(String method, String path, String body) {
        return exchange(method, path, body, null, "application/json");
    }

    private Response send(String method, String path, @Nullable Object body, @Nullable String idempotencyKey) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        return exchange(method, path, text, idempotencyKey, "application/json");
    }

    private Response exchange(String method, String path, @Nullable String body, @Nullable String idempotencyKey,
            String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        public long id() {
            return json().get("id").asLong();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
