package io.mercato.fulfillment;

import io.mercato.platform.Actor;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parcels and what happens to them: sellers pack an order's lines into one or more parcels (the first one ships the
 * order), carriers' events build each parcel's timeline, delivery of every parcel delivers the order, exceptions
 * raise alerts, and operators consolidate a buyer's cross-border parcels at a hub.
 */
public interface Shipments {

    /**
     * Packs some of the order's lines into a parcel handed to the store's carrier (from its template), with a
     * tracking number the platform issues. The first parcel moves the order to shipped. For a global store's order
     * the parcel goes to the platform hub, to be consolidated.
     *
     * @throws io.mercato.platform.InvalidInputException naming the line or quantity refused
     * @throws io.mercato.platform.ConflictException when the order is not paid or shipped, or the store has no template
     */
    Parcel pack(Actor seller, long orderId, List<PackedLine> lines);

    /** The order's parcels with their timelines, for its buyer, seller or an operator. */
    List<Parcel> parcelsOf(Actor actor, long orderId);

    /** A parcel with its timeline, for the parties of its orders or an operator. */
    Parcel parcel(Actor actor, long parcelId);

    /** Open (and, when asked, resolved) alerts: a seller's own parcels', or for operators every one. */
    List<Alert> alerts(Actor actor, boolean includeResolved);

    Alert resolve(Actor actor, long alertId);

    /** What carriers posted that was refused, newest first. Operators only. */
    List<RefusedWebhook> refused(Actor operator, int limit);

    /** Inbound parcels waiting at hubs, grouped per hub and buyer. Operators only. */
    List<AwaitingConsolidation> awaitingConsolidation(Actor operator);

    /**
     * Consolidates every inbound parcel of the buyer that has arrived at the hub and is not yet consolidated into
     * one international parcel with the service.
     *
     * @throws io.mercato.platform.ConflictException when none has arrived
     */
    Parcel consolidate(Actor operator, long hubId, long buyerAccountId, long serviceId);

    /** The metrics of the last {@code days} days. Operators only. */
    Metrics metrics(Actor operator, int days);

    record PackedLine(long lineId, long quantity) {
    }

    record Parcel(long id, ParcelKind kind, @Nullable Long orderId, @Nullable Long storeId, long buyerAccountId,
            String carrierCode, String carrierName, long serviceId, String serviceName, long warehouseId,
            @Nullable Long hubId, String trackingNumber, String status, Instant createdAt,
            @Nullable Instant deliveredAt, @Nullable Long consolidatedInto, List<Long> includedParcels,
            List<PackedLine> lines, List<TrackingEvent> timeline) {

        public Parcel {
            includedParcels = List.copyOf(includedParcels);
            lines = List.copyOf(lines);
            timeline = List.copyOf(timeline);
        }
    }

    record TrackingEvent(String eventId, EventKind kind, Instant occurredAt, Instant receivedAt,
            @Nullable String location, @Nullable String note) {
    }

    record Alert(long id, long parcelId, @Nullable Long orderId, String trackingNumber, Instant occurredAt,
            @Nullable String location, @Nullable String note, Instant raisedAt, @Nullable Instant resolvedAt) {
    }

    record RefusedWebhook(long id, String carrier, String reason, String detail, @Nullable String eventId,
            Instant receivedAt) {
    }

    record AwaitingConsolidation(long hubId, String hubName, long buyerAccountId, long parcels, Instant oldestArrival) {
    }

    /** @param sameDayRate orders paid before the cut-off that left the warehouse the same day, null when none */
    record WarehouseOutbound(long warehouseId, String name, long paidBeforeCutoff, long leftSameDay,
            @Nullable Double sameDayRate) {
    }

    /** On-time delivery and transit of one carrier, service or lane ({@code key} names it). */
    record OnTime(String key, long delivered, long onTime, @Nullable Double onTimeRate,
            @Nullable Double averageTransitDays) {
    }

    record Metrics(List<WarehouseOutbound> outbound, List<OnTime> byCarrier, List<OnTime> byService,
            List<OnTime> byLane) {
    }
}
