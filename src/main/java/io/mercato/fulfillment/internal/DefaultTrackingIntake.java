package io.mercato.fulfillment.internal;

import io.mercato.fulfillment.EventKind;
import io.mercato.fulfillment.ParcelKind;
import io.mercato.fulfillment.TrackingIntake;
import io.mercato.fulfillment.TrackingSignature;
import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.mercato.platform.UnauthorizedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook's use case: check the carrier, the timestamp and the signature before reading the body, then take the
 * event in one transaction (the signature as used, the event once by its id, the parcel's state, an alert for an
 * exception, the order's delivery when every parcel has arrived). A refusal writes nothing of the event and is
 * recorded on its own for operators.
 */
@Service
class DefaultTrackingIntake implements TrackingIntake, org.springframework.beans.factory.DisposableBean {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final int MAX_BODY = 8 * 1024;
    private static final int MAX_BATCH_BODY = 512 * 1024;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{6,40}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CarrierSecrets secrets;
    private final DefaultShipments shipments;
    private final TransactionTemplate transactions;
    private final TransactionTemplate refusals;
    private final Clock clock;
    private final GroupCommit<Taking, Taken> groupCommit;

    DefaultTrackingIntake(JdbcClient jdbc, CarrierSecrets secrets, DefaultShipments shipments,
            org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${mercato.fulfillment.intake.writers:2}") int writers,
            @org.springframework.beans.factory.annotation.Value("${mercato.fulfillment.intake.queue:4096}") int queue,
            @org.springframework.beans.factory.annotation.Value("${mercato.fulfillment.intake.batch:128}") int batch) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.shipments = shipments;
        this.transactions = new TransactionTemplate(transactionManager);
        this.refusals = new TransactionTemplate(transactionManager);
        this.refusals.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.groupCommit = new GroupCommit<>("tracking-intake", writers, queue, batch, transactions, this::taken);
    }

    @Override
    public void destroy() {
        groupCommit.close();
    }

    /** An event to take, and what taking it gave: the outcome, or the refusal to answer with once committed. */
    private record Taking(long carrierId, String signature, Event event, Instant now) {
    }

    private record Taken(@Nullable Outcome outcome, @Nullable Refusal refusal) {
    }

    /** Takes one event inside a shared transaction; a refusal is returned, not thrown, so it rolls nothing back. */
    private Taken taken(Taking taking) {
        try {
            return new Taken(takeWithFollowUps(taking.carrierId(), taking.signature(), taking.event(), taking.now()), null);
        } catch (Refusal refusal) {
            return new Taken(null, refusal);
        }
    }

    private record Event(String eventId, String trackingNumber, EventKind kind, Instant occurredAt,
            @Nullable String location, @Nullable String note) {
    }

    @Override
    public Outcome accept(String carrierCode, @Nullable String timestamp, @Nullable String signature, byte[] body) {
        String code = shortCode(carrierCode);
        String eventId = null;
        try {
            Instant now = clock.instant();
            CarrierSecrets.Keys keys = verified(code, timestamp, signature, body, now);
            Event event = parse(body);
            eventId = event.eventId();
            return take(keys.carrierId(), signature.strip().toLowerCase(Locale.ROOT), event, now);
        } catch (Refusal refusal) {
            record(code, refusal.reason, refusal.answer.getMessage(), refusal.eventId != null ? refusal.eventId : eventId);
            throw refusal.answer;
        }
    }

    @Override
    public List<BatchResult> acceptBatch(String carrierCode, @Nullable String timestamp, @Nullable String signature,
            byte[] body) {
        String code = shortCode(carrierCode);
        List<BatchResult> results;
        try {
            Instant now = clock.instant();
            CarrierSecrets.Keys keys = verified(code, timestamp, signature, body, now);
            List<Event> events = parseBatch(body);
            String signed = signature.strip().toLowerCase(Locale.ROOT);
            List<Integer> parcels = new java.util.ArrayList<>(events.size());
            List<Taking> takings = new java.util.ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                parcels.add((keys.carrierId() + ":" + event.trackingNumber()).hashCode());
                // Each event of the batch marks the batch's signature with its place, so that the batch sent again
                // finds every one of them used.
                takings.add(new Taking(keys.carrierId(), signed + "#" + i, event, now));
            }
            List<Taken> taken = groupCommit.submitAll(parcels, takings);
            results = new java.util.ArrayList<>(events.size());
            int replayed = 0;
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                Taken one = taken.get(i);
                if (one.refusal() == null) {
                    Outcome outcome = one.outcome();
                    results.add(new BatchResult(event.eventId(), outcome.duplicate() ? "DUPLICATE" : "ACCEPTED",
                            outcome.parcelId(), outcome.parcelStatus(), null, null));
                } else if (one.refusal().reason.equals("REPLAYED")) {
                    replayed++;
                } else {
                    record(code, one.refusal().reason, one.refusal().answer.getMessage(), event.eventId());
                    results.add(new BatchResult(event.eventId(), "REFUSED", null, null, one.refusal().reason,
                            one.refusal().answer));
                }
            }
            if (replayed > 0) {
                throw new Refusal("REPLAYED", new ConflictException(Text.of("fulfillment.signedRequestWasReceivedBefore")));
            }
        } catch (Refusal refusal) {
            record(code, refusal.reason, refusal.answer.getMessage(), refusal.eventId);
            throw refusal.answer;
        }
        return results;
    }

    /** The carrier's code as refusals record it: at most ten characters, however long the path said it was. */
    private static String shortCode(String carrierCode) {
        return carrierCode.length() > 10 ? carrierCode.substring(0, 10) : carrierCode;
    }

    /** The carrier's keys once the request is known to be theirs: known carrier, fresh timestamp, matching signature. */
    private CarrierSecrets.Keys verified(String code, @Nullable String timestamp, @Nullable String signature, byte[] body,
            Instant now) {
        CarrierSecrets.Keys keys = secrets.of(code).orElseThrow(() -> new Refusal("UNKNOWN_CARRIER",
                new NotFoundException(Text.of("fulfillment.noCarrierHasCode", code))));
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            throw new Refusal("UNSIGNED", new UnauthorizedException(Text.of("fulfillment.signEventSend", TrackingSignature.TIMESTAMP_HEADER, TrackingSignature.SIGNATURE_HEADER)));
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Refusal("UNSIGNED", new UnauthorizedException(Text.of("fulfillment.mustSecondsSinceEpoch", TrackingSignature.TIMESTAMP_HEADER)));
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new Refusal("STALE", new UnauthorizedException(Text.of("fulfillment.timestampMoreMinutesFromPlatform", seconds, TOLERANCE.toMinutes(), now.getEpochSecond())));
        }
        boolean signed = TrackingSignature.matches(keys.secret(), seconds, body, signature)
                || (keys.previousValidAt(now) && TrackingSignature.matches(keys.previous(), seconds, body, signature));
        if (!signed) {
            throw new Refusal("BAD_SIGNATURE", new UnauthorizedException(Text.of("fulfillment.signatureDoesNotMatchBody", keys.code())));
        }
        return keys;
    }

    /**
     * One statement takes the event: it locks the parcel, marks the signature used, inserts the event once, updates
     * the parcel and notes when the order's first parcel left; an exception or a delivery has more to write (the alert,
     * the orders delivered). Events are taken in group commits ({@link GroupCommit}): the events that arrive while a
     * writer commits share its next transaction, so a commit's cost is shared by many events; the carrier's answer
     * comes only once the event's transaction has committed. A parcel's events always go to the same writer, in the
     * order they arrived, so writers never wait for each other's parcel locks.
     */
    private Outcome take(long carrierId, String signature, Event event, Instant now) {
        Taken taken = groupCommit.submit((carrierId + ":" + event.trackingNumber()).hashCode(),
                new Taking(carrierId, signature, event, now));
        if (taken.refusal() != null) {
            taken.refusal().eventId = event.eventId();
            throw taken.refusal();
        }
        return taken.outcome();
    }

    private Outcome takeWithFollowUps(long carrierId, String signature, Event event, Instant now) {
        Stored stored = store(carrierId, signature, event, now);
        Outcome outcome = outcome(stored, event);
        if (outcome.duplicate()) {
            return outcome;
        }
        if (event.kind() == EventKind.EXCEPTION) {
            jdbc.sql("INSERT INTO fulfillment.alerts (parcel_id, event_id, raised_at, note) VALUES (?, ?, ?, ?)")
                    .params(stored.parcelId(), stored.eventRow(), Timestamp.from(now), event.note()).update();
        }
        if (event.kind() == EventKind.DELIVERED && !"DELIVERED".equals(stored.oldStatus())) {
            for (long orderId : shipments.ordersCompletedBy(stored.parcelId(), stored.kind(), stored.orderId())) {
                shipments.deliverOrder(orderId, event.occurredAt());
            }
        }
        return outcome;
    }

    private Outcome outcome(Stored stored, Event event) {
        if (stored.parcelId() == null) {
            throw new Refusal("UNKNOWN_PARCEL", new NotFoundException(Text.of("fulfillment.carrierHasNoParcelTracking", event.trackingNumber())));
        }
        if (!stored.fresh()) {
            throw new Refusal("REPLAYED", new ConflictException(Text.of("fulfillment.signedRequestWasReceivedBefore")));
        }
        if (stored.eventRow() == null) {
            return new Outcome(stored.parcelId(), event.eventId(), true, stored.oldStatus());
        }
        return new Outcome(stored.parcelId(), event.eventId(), false, stored.newStatus());
    }

    private record Stored(@Nullable Long parcelId, @Nullable ParcelKind kind, @Nullable Long orderId,
            @Nullable String oldStatus, boolean fresh, @Nullable Long eventRow, @Nullable String newStatus) {
    }

    private static final String TAKE = """
            WITH parcel AS (
                SELECT id, kind, order_id, status, collected_at FROM fulfillment.parcels
                WHERE carrier_id = :carrier AND tracking_number = :tracking FOR NO KEY UPDATE
            ), sig AS (
                INSERT INTO fulfillment.webhook_signatures (signature, seen_at)
                SELECT :signature, CAST(:now AS timestamptz) WHERE EXISTS (SELECT 1 FROM parcel)
                ON CONFLICT DO NOTHING RETURNING 1
            ), ev AS (
                INSERT INTO fulfillment.tracking_events (parcel_id, carrier_id, event_id, kind, occurred_at, received_at, location, note)
                SELECT id, :carrier, :eventId, :kind, CAST(:at AS timestamptz), CAST(:now AS timestamptz), :location, :note FROM parcel WHERE EXISTS (SELECT 1 FROM sig)
                ON CONFLICT (carrier_id, event_id) DO NOTHING RETURNING id
            ), upd AS (
                UPDATE fulfillment.parcels p SET
                    status = CASE WHEN p.status IN ('DELIVERED', 'CONSOLIDATED') THEN p.status
                                  WHEN :kind = 'DELIVERED' THEN 'DELIVERED'
                                  WHEN p.last_event_at IS NULL OR CAST(:at AS timestamptz) >= p.last_event_at THEN :kind
                                  ELSE p.status END,
                    last_event_at = greatest(coalesce(p.last_event_at, CAST(:at AS timestamptz)), CAST(:at AS timestamptz)),
                    collected_at = least(coalesce(p.collected_at, CAST(:at AS timestamptz)), CAST(:at AS timestamptz)),
                    delivered_at = CASE WHEN :kind = 'DELIVERED' THEN least(coalesce(p.delivered_at, CAST(:at AS timestamptz)), CAST(:at AS timestamptz)) ELSE p.delivered_at END
                FROM parcel WHERE p.id = parcel.id AND EXISTS (SELECT 1 FROM ev)
                RETURNING p.status
            ), left_warehouse AS (
                UPDATE fulfillment.order_promises o SET left_at = CAST(:at AS timestamptz)
                FROM parcel WHERE o.order_id = parcel.order_id AND EXISTS (SELECT 1 FROM ev)
                  AND (o.left_at IS NULL OR o.left_at > CAST(:at AS timestamptz))
                RETURNING 1
            )
            SELECT parcel.id, parcel.kind, parcel.order_id, parcel.status, EXISTS (SELECT 1 FROM sig),
                   (SELECT id FROM ev), (SELECT status FROM upd), (SELECT count(*) FROM left_warehouse)
            FROM (VALUES (1)) AS one LEFT JOIN parcel ON TRUE""";

    private Stored store(long carrierId, String signature, Event event, Instant now) {
        return jdbc.sql(TAKE)
                .param("carrier", carrierId).param("tracking", event.trackingNumber()).param("signature", signature)
                .param("now", Timestamp.from(now)).param("eventId", event.eventId()).param("kind", event.kind().name())
                .param("at", Timestamp.from(event.occurredAt())).param("location", event.location()).param("note", event.note())
                .query((rs, n) -> {
                    String kind = rs.getString(2);
                    return new Stored(rs.getObject(1, Long.class), kind == null ? null : ParcelKind.valueOf(kind),
                            rs.getObject(3, Long.class), rs.getString(4), rs.getBoolean(5), rs.getObject(6, Long.class),
                            rs.getString(7));
                })
                .single();
    }

    private Event parse(byte[] body) {
        if (body.length == 0 || body.length > MAX_BODY) {
            throw malformed("body", Text.of("fulfillment.bodyMustOneJSONEvent", MAX_BODY));
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("body", Text.of("fulfillment.bodyNotJSON"));
        }
        if (node == null || !node.isObject()) {
            throw malformed("body", Text.of("fulfillment.bodyMustJSONObject"));
        }
        return event(node, "");
    }

    /** A batch's events, every one checked before any is taken; a malformed one names {@code events[i].field}. */
    private List<Event> parseBatch(byte[] body) {
        if (body.length == 0 || body.length > MAX_BATCH_BODY) {
            throw malformed("body", Text.of("fulfillment.batch.body", MAX_BATCH, MAX_BATCH_BODY / 1024));
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("body", Text.of("fulfillment.bodyNotJSON"));
        }
        JsonNode events = node == null || !node.isObject() ? null : node.get("events");
        if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_BATCH) {
            throw malformed("events", Text.of("fulfillment.batch.events", MAX_BATCH));
        }
        List<Event> parsed = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String prefix = "events[" + i + "].";
            if (!event.isObject()) {
                throw malformed("events[" + i + "]", Text.of("fulfillment.bodyMustJSONObject"));
            }
            parsed.add(event(event, prefix));
        }
        return parsed;
    }

    private Event event(JsonNode node, String prefix) {
        String eventId = string(node, prefix, "eventId", true);
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw malformed(prefix + "eventId", Text.of("fulfillment.eventIdMustLettersDigits"));
        }
        String tracking = string(node, prefix, "trackingNumber", true);
        if (!TRACKING.matcher(tracking).matches()) {
            throw malformed(prefix + "trackingNumber", Text.of("fulfillment.trackingNumberMustLettersDigitsDashes"));
        }
        String kindText = string(node, prefix, "kind", true);
        EventKind kind;
        try {
            kind = EventKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw malformed(prefix + "kind", Text.of("fulfillment.kindMustOneCOLLECTEDSORTING", abbreviate(kindText)));
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(string(node, prefix, "occurredAt", true));
        } catch (DateTimeParseException e) {
            throw malformed(prefix + "occurredAt", Text.of("fulfillment.occurredAtMustISOInstantSuch"));
        }
        Instant now = clock.instant();
        if (occurredAt.isAfter(now.plus(TOLERANCE))) {
            throw malformed(prefix + "occurredAt", Text.of("fulfillment.occurredAtFuture", occurredAt));
        }
        if (occurredAt.isBefore(now.minus(Duration.ofDays(365)))) {
            throw malformed(prefix + "occurredAt", Text.of("fulfillment.occurredAtMoreYearAgo", occurredAt));
        }
        String location = string(node, prefix, "location", false);
        if (location != null && location.length() > 100) {
            throw malformed(prefix + "location", Text.of("fulfillment.locationLongerCharacters"));
        }
        String note = string(node, prefix, "note", false);
        if (note != null && note.length() > 500) {
            throw malformed(prefix + "note", Text.of("fulfillment.noteLongerCharacters"));
        }
        return new Event(eventId, tracking, kind, occurredAt, location, note);
    }

    private static @Nullable String string(JsonNode node, String prefix, String name, boolean required) {
        String field = prefix + name;
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw malformed(field, Text.of("fulfillment.required", field));
            }
            return null;
        }
        if (!value.isString()) {
            throw malformed(field, Text.of("fulfillment.mustString", field));
        }
        String text = value.asString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || Character.isSurrogate(c)) {
                throw malformed(field, Text.of("fulfillment.holdsControlCharacter", field));
            }
        }
        return text.strip();
    }

    private static Refusal malformed(String field, Text message) {
        return new Refusal("MALFORMED", new InvalidInputException(field, message));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private void record(String carrier, String reason, @Nullable String detail, @Nullable String eventId) {
        refusals.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO fulfillment.refused_webhooks (carrier, reason, detail, event_id, received_at) VALUES (?, ?, ?, ?, ?)""")
                .params(carrier, reason, detail == null ? "" : abbreviate500(detail),
                        eventId == null ? null : abbreviate(eventId), Timestamp.from(clock.instant()))
                .update());
    }

    private static String abbreviate500(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** A refusal on its way out: the answer for the carrier and the reason the operator reads. */
    private static final class Refusal extends RuntimeException {

        final String reason;
        final DomainException answer;
        @Nullable String eventId;

        Refusal(String reason, DomainException answer) {
            super(answer.getMessage(), null, false, false);
            this.reason = reason;
            this.answer = answer;
        }
    }
}
