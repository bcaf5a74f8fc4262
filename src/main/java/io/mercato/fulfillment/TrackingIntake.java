package io.mercato.fulfillment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Takes carriers' tracking events from the webhook. A request is refused (and the refusal listed for operators)
 * when the carrier is unknown, the signature is missing or wrong, the timestamp is more than five minutes off, the
 * same signed request comes twice (a replay), the body is malformed, or the parcel is unknown. An event already
 * taken (the same event id, newly signed) is accepted again without effect.
 */
public interface TrackingIntake {

    /**
     * @throws io.mercato.platform.UnauthorizedException unsigned, badly signed or stale
     * @throws io.mercato.platform.ConflictException a replay
     * @throws io.mercato.platform.InvalidInputException a malformed body, naming the field
     * @throws io.mercato.platform.NotFoundException an unknown carrier or parcel
     */
    Outcome accept(String carrierCode, @Nullable String timestamp, @Nullable String signature, byte[] body);

    /** @param duplicate the event was taken before; nothing changed */
    record Outcome(long parcelId, String eventId, boolean duplicate, String parcelStatus) {
    }

    /** The most events one batch carries. */
    int MAX_BATCH = 500;

    /**
     * Takes a batch of events signed as one request ({@code {"events": [...]}}, at most {@link #MAX_BATCH}): the
     * carrier, timestamp and signature are checked once and every event's shape before any is taken, so a malformed
     * event refuses the whole batch (naming {@code events[i].field}) with nothing taken; then each event is taken on its
     * own, as {@link #accept} would, and answered in the batch's order: accepted, a duplicate, or refused (an unknown
     * parcel) with the reason, which operators see among the refused requests. A batch sent again is refused as a
     * replay.
     *
     * @throws io.mercato.platform.UnauthorizedException unsigned, badly signed or stale
     * @throws io.mercato.platform.ConflictException a replay
     * @throws io.mercato.platform.InvalidInputException a malformed body or event, naming the field
     * @throws io.mercato.platform.NotFoundException an unknown carrier
     */
    List<BatchResult> acceptBatch(String carrierCode, @Nullable String timestamp, @Nullable String signature,
            byte[] body);

    /**
     * One event of a batch: {@code ACCEPTED}, {@code DUPLICATE} (taken before, nothing changed) or {@code REFUSED}
     * with the reason ({@code UNKNOWN_PARCEL}) and what it means in the reader's language.
     */
    record BatchResult(String eventId, String status, @Nullable Long parcelId, @Nullable String parcelStatus,
            @Nullable String reason, io.mercato.platform.@Nullable DomainException refusal) {
    }
}
