package io.mercato.fulfillment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A carrier as the platform sees it from outside: it posts tracking events to the webhook, signed with its secret
 * exactly as a real carrier does. For tests, the demo and the tracking benchmark; it shares no state with the
 * platform but the secret.
 */
public final class CarrierSimulator {

    private final HttpClient http;
    private final URI base;
    private final String code;
    private volatile String secret;

    /** @param base the platform's address, such as {@code http://localhost:8080} */
    public CarrierSimulator(HttpClient http, URI base, String code, String secret) {
        this.http = http;
        this.base = base;
        this.code = code;
        this.secret = secret;
    }

    public void useSecret(String newSecret) {
        this.secret = newSecret;
    }

    public URI endpoint() {
        return base.resolve("/api/v1/carriers/" + code + "/events");
    }

    /** Where a batch of events goes. */
    public URI batchEndpoint() {
        return base.resolve("/api/v1/carriers/" + code + "/event-batches");
    }

    /** The JSON body of a batch: the events' bodies ({@link #body}) in a list. */
    public static String batchBody(java.util.List<String> events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    /** A signed request for a batch body ({@link #batchBody}), stamped with {@code timestamp}. */
    public HttpRequest batchRequest(String body, long timestamp) {
        return signed(batchEndpoint(), body, timestamp);
    }

    /** The JSON body of one event. */
    public static String body(String eventId, String trackingNumber, EventKind kind, Instant occurredAt,
            @Nullable String location) {
        return "{\"eventId\":\"" + eventId + "\",\"trackingNumber\":\"" + trackingNumber + "\",\"kind\":\"" + kind
                + "\",\"occurredAt\":\"" + occurredAt + "\"" + (location == null ? "" : ",\"location\":\"" + location + "\"")
                + "}";
    }

    /** A signed request for the body, stamped with {@code timestamp} (seconds since the epoch). */
    public HttpRequest request(String body, long timestamp) {
        return signed(endpoint(), body, timestamp);
    }

    private HttpRequest signed(URI target, String body, long timestamp) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .header(TrackingSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(TrackingSignature.SIGNATURE_HEADER, TrackingSignature.sign(secret, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    /** Posts the body signed now (by the given clock reading) and answers the platform's status and body. */
    public HttpResponse<String> post(String body, Instant now) {
        return send(request(body, now.getEpochSecond()));
    }

    /** Posts one event with a fresh event id. */
    public HttpResponse<String> post(String trackingNumber, EventKind kind, Instant occurredAt, Instant now) {
        return post(body(UUID.randomUUID().toString(), trackingNumber, kind, occurredAt, null), now);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to " + endpoint(), e);
        }
    }
}
