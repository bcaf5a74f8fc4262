package io.mercato.fulfillment;

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
}
