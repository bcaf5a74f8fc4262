package io.mercato.fulfillment.internal;

import io.mercato.fulfillment.Logistics;
import io.mercato.fulfillment.Logistics.Carrier;
import io.mercato.fulfillment.Logistics.CarrierSecret;
import io.mercato.fulfillment.Logistics.Holiday;
import io.mercato.fulfillment.Logistics.Lane;
import io.mercato.fulfillment.Logistics.NewTemplate;
import io.mercato.fulfillment.Logistics.NewWarehouse;
import io.mercato.fulfillment.Logistics.Template;
import io.mercato.fulfillment.Logistics.Warehouse;
import io.mercato.fulfillment.Promises;
import io.mercato.fulfillment.Promises.Promise;
import io.mercato.fulfillment.ServiceKind;
import io.mercato.fulfillment.Shipments;
import io.mercato.fulfillment.Shipments.Alert;
import io.mercato.fulfillment.Shipments.AwaitingConsolidation;
import io.mercato.fulfillment.Shipments.Metrics;
import io.mercato.fulfillment.Shipments.PackedLine;
import io.mercato.fulfillment.Shipments.Parcel;
import io.mercato.fulfillment.Shipments.RefusedWebhook;
import io.mercato.fulfillment.TrackingIntake;
import io.mercato.fulfillment.TrackingSignature;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Fulfillment", description = "Warehouses, carriers, lanes, templates, delivery promises, parcels and tracking")
class FulfillmentController {

    private final Logistics logistics;
    private final Promises promises;
    private final Shipments shipments;
    private final TrackingIntake intake;
    private final io.mercato.http.Wording wording;

    FulfillmentController(Logistics logistics, Promises promises, Shipments shipments, TrackingIntake intake,
            io.mercato.http.Wording wording) {
        this.wording = wording;
        this.logistics = logistics;
        this.promises = promises;
        this.shipments = shipments;
        this.intake = intake;
    }

    // ---- the carriers' webhook

    @PostMapping("/carriers/{code}/events")
    ResponseEntity<TrackingIntake.Outcome> event(@PathVariable String code,
            @RequestHeader(name = TrackingSignature.TIMESTAMP_HEADER, required = false) @Nullable String timestamp,
            @RequestHeader(name = TrackingSignature.SIGNATURE_HEADER, required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        TrackingIntake.Outcome outcome = intake.accept(code, timestamp, signature, body == null ? new byte[0] : body);
        return ResponseEntity.status(outcome.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(outcome);
    }

    /**
     * One event of a batch as the carrier reads it: {@code ACCEPTED}, {@code DUPLICATE} or {@code REFUSED} with the
     * reason and its meaning in the request's language.
     */
    record BatchEventResult(String eventId, String status, @Nullable Long parcelId, @Nullable String parcelStatus,
            @Nullable String reason, @Nullable String detail) {
    }

    record BatchAnswer(int accepted, int duplicates, int refused, java.util.List<BatchEventResult> events) {
    }

    @PostMapping("/carriers/{code}/event-batches")
    BatchAnswer eventBatch(@PathVariable String code,
            @RequestHeader(name = TrackingSignature.TIMESTAMP_HEADER, required = false) @Nullable String timestamp,
            @RequestHeader(name = TrackingSignature.SIGNATURE_HEADER, required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        java.util.List<BatchEventResult> results = intake.acceptBatch(code, timestamp, signature,
                body == null ? new byte[0] : body).stream()
                .map(r -> new BatchEventResult(r.eventId(), r.status(), r.parcelId(), r.parcelStatus(), r.reason(),
                        r.refusal() == null ? null : wording.of(r.refusal())))
                .toList();
        return new BatchAnswer((int) results.stream().filter(r -> r.status().equals("ACCEPTED")).count(),
                (int) results.stream().filter(r -> r.status().equals("DUPLICATE")).count(),
                (int) results.stream().filter(r -> r.status().equals("REFUSED")).count(), results);
    }

    // ---- the network (operators)

    record NewCarrier(@Nullable String code, @Nullable String name) {
    }

    @PostMapping("/operator/fulfillment/carriers")
    @ResponseStatus(HttpStatus.CREATED)
    CarrierSecret addCarrier(@RequestBody NewCarrier carrier, Actor actor) {
        return logistics.addCarrier(actor, carrier.code(), carrier.name());
    }

    @GetMapping("/operator/fulfillment/carriers")
    List<Carrier> carriers(Actor actor) {
        return logistics.carriers(actor);
    }

    record Rotation(@Nullable Integer graceHours) {
    }

    @PostMapping("/operator/fulfillment/carriers/{id}/secret")
    CarrierSecret rotate(@PathVariable long id, @RequestBody(required = false) @Nullable Rotation rotation, Actor actor) {
        return logistics.rotateSecret(actor, id, rotation == null || rotation.graceHours() == null ? 24 : rotation.graceHours());
    }

    record NewService(long carrierId, @Nullable String code, @Nullable ServiceKind kind, @Nullable String name) {
    }

    @PostMapping("/operator/fulfillment/services")
    @ResponseStatus(HttpStatus.CREATED)
    Logistics.Service addService(@RequestBody NewService service, Actor actor) {
        return logistics.addService(actor, service.carrierId(), service.code(), service.kind(), service.name());
    }

    @GetMapping("/fulfillment/services")
    List<Logistics.Service> services() {
        return logistics.services();
    }

    record NewLane(long serviceId, @Nullable String origin, @Nullable String destination, int transitDays) {
    }

    @PutMapping("/operator/fulfillment/lanes")
    Lane putLane(@RequestBody NewLane lane, Actor actor) {
        return logistics.putLane(actor, lane.serviceId(), lane.origin(), lane.destination(), lane.transitDays());
    }

    @GetMapping("/operator/fulfillment/lanes")
    List<Lane> lanes(Actor actor) {
        actor.require(io.mercato.platform.Role.OPERATOR);
        return logistics.lanes();
    }

    record NewHoliday(@Nullable String country, @Nullable LocalDate day, @Nullable String name) {
    }

    @PostMapping("/operator/fulfillment/holidays")
    @ResponseStatus(HttpStatus.CREATED)
    Holiday addHoliday(@RequestBody NewHoliday holiday, Actor actor) {
        return logistics.addHoliday(actor, holiday.country(), holiday.day(), holiday.name());
    }

    @DeleteMapping("/operator/fulfillment/holidays/{country}/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeHoliday(@PathVariable String country, @PathVariable String day, Actor actor) {
        logistics.removeHoliday(actor, country, date("day", day));
    }

    @GetMapping("/fulfillment/holidays")
    List<Holiday> holidays() {
        return logistics.holidays();
    }

    // ---- warehouses and templates (sellers, operators)

    @PostMapping("/fulfillment/warehouses")
    @ResponseStatus(HttpStatus.CREATED)
    Warehouse addWarehouse(@RequestBody NewWarehouse warehouse, Actor actor) {
        return logistics.addWarehouse(actor, warehouse);
    }

    @GetMapping("/fulfillment/warehouses")
    List<Warehouse> warehouses(Actor actor) {
        return logistics.warehouses(actor);
    }

    @PutMapping("/fulfillment/stores/{storeId}/template")
    Template putTemplate(@PathVariable long storeId, @RequestBody NewTemplate template, Actor actor) {
        return logistics.putTemplate(actor, storeId, template);
    }

    @GetMapping("/fulfillment/stores/{storeId}/template")
    Template template(@PathVariable long storeId, Actor actor) {
        Template template = logistics.template(storeId);
        if (template == null) {
            throw new NotFoundException(Text.of("fulfillment.storeHasNoShippingTemplate", storeId));
        }
        return template;
    }

    // ---- promises (public quote; an order's promise for its parties)

    @GetMapping("/fulfillment/promise")
    Promise quote(@RequestParam long storeId, @RequestParam String country, @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String city) {
        Promise promise = promises.quote(storeId, country, province, city);
        if (promise == null) {
            throw new NotFoundException(Text.of("fulfillment.storePromisesNoDelivery", storeId, country));
        }
        return promise;
    }

    record Delivery(@Nullable Promise promise, List<Parcel> parcels) {
    }

    @GetMapping("/orders/{orderId}/delivery")
    Delivery delivery(@PathVariable long orderId, Actor actor) {
        return new Delivery(promises.ofOrder(actor, orderId), shipments.parcelsOf(actor, orderId));
    }

    // ---- parcels

    record NewParcel(@Nullable List<PackedLine> lines) {
    }

    @PostMapping("/orders/{orderId}/parcels")
    @ResponseStatus(HttpStatus.CREATED)
    Parcel pack(@PathVariable long orderId, @RequestBody NewParcel parcel, Actor actor) {
        return shipments.pack(actor, orderId, parcel.lines() == null ? List.of() : parcel.lines());
    }

    @GetMapping("/fulfillment/parcels/{parcelId}")
    Parcel parcel(@PathVariable long parcelId, Actor actor) {
        return shipments.parcel(actor, parcelId);
    }

    @GetMapping("/fulfillment/alerts")
    List<Alert> alerts(@RequestParam(defaultValue = "false") boolean resolved, Actor actor) {
        return shipments.alerts(actor, resolved);
    }

    @PostMapping("/fulfillment/alerts/{alertId}/resolve")
    Alert resolve(@PathVariable long alertId, Actor actor) {
        return shipments.resolve(actor, alertId);
    }

    @GetMapping("/operator/fulfillment/refused-webhooks")
    List<RefusedWebhook> refused(@RequestParam(defaultValue = "100") int limit, Actor actor) {
        return shipments.refused(actor, limit);
    }

    @GetMapping("/operator/fulfillment/consolidations")
    List<AwaitingConsolidation> awaiting(Actor actor) {
        return shipments.awaitingConsolidation(actor);
    }

    record NewConsolidation(long hubId, long buyerAccountId, long serviceId) {
    }

    @PostMapping("/operator/fulfillment/consolidations")
    @ResponseStatus(HttpStatus.CREATED)
    Parcel consolidate(@RequestBody NewConsolidation consolidation, Actor actor) {
        return shipments.consolidate(actor, consolidation.hubId(), consolidation.buyerAccountId(), consolidation.serviceId());
    }

    @GetMapping("/operator/fulfillment/metrics")
    Metrics metrics(@RequestParam(defaultValue = "30") int days, Actor actor) {
        return shipments.metrics(actor, days);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Text.of("fulfillment.mustDateSuchGot", field, text));
        }
    }

}
