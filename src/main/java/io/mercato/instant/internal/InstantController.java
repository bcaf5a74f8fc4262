package io.mercato.instant.internal;

import io.mercato.instant.Deliveries;
import io.mercato.instant.DeliveryTask;
import io.mercato.instant.Dispatch;
import io.mercato.instant.DispatchRound;
import io.mercato.instant.LocalStore;
import io.mercato.instant.LocalStoreSettings;
import io.mercato.instant.LocalStores;
import io.mercato.instant.OperationsBoard;
import io.mercato.instant.Position;
import io.mercato.instant.Quote;
import io.mercato.instant.Rider;
import io.mercato.instant.Riders;
import io.mercato.instant.UnitEconomics;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Instant commerce", description = "Local stores, riders, deliveries in 30 minutes and the live dispatch")
class InstantController {

    private final LocalStores stores;
    private final Riders riders;
    private final Deliveries deliveries;
    private final Dispatch dispatch;

    InstantController(LocalStores stores, Riders riders, Deliveries deliveries, Dispatch dispatch) {
        this.stores = stores;
        this.riders = riders;
        this.deliveries = deliveries;
        this.dispatch = dispatch;
    }

    // ---- local stores and quotes

    @PutMapping("/instant/stores/{storeId}")
    LocalStore configure(@PathVariable long storeId, @RequestBody LocalStoreSettings settings, Actor actor) {
        return stores.configure(actor, storeId, settings);
    }

    @GetMapping("/instant/stores")
    List<LocalStore> localStores() {
        return stores.all();
    }

    @GetMapping("/instant/stores/{storeId}")
    LocalStore localStore(@PathVariable long storeId) {
        return stores.find(storeId).orElseThrow(() -> new NotFoundException(Text.of("instant.store.notLocal", storeId)));
    }

    @GetMapping("/instant/quote")
    Quote quote(@RequestParam long storeId, @RequestParam double lat, @RequestParam double lng) {
        return stores.quote(storeId, new Position(lat, lng));
    }

    @GetMapping("/instant/reachable")
    List<Quote> reachable(@RequestParam double lat, @RequestParam double lng) {
        return stores.reachable(new Position(lat, lng));
    }

    // ---- buyers' deliveries

    record DeliveryRequest(@Nullable Long orderId, @Nullable Double lat, @Nullable Double lng) {
    }

    @PostMapping("/instant/deliveries")
    @ResponseStatus(HttpStatus.CREATED)
    DeliveryTask request(@RequestBody DeliveryRequest request, Actor actor) {
        if (request.orderId() == null) {
            throw new InvalidInputException("orderId", Text.of("instant.field.required", "orderId"));
        }
        return deliveries.request(actor, request.orderId(), position(request.lat(), request.lng()));
    }

    @GetMapping("/instant/orders/{orderId}/delivery")
    DeliveryTask delivery(@PathVariable long orderId, Actor actor) {
        return deliveries.forOrder(actor, orderId);
    }

    // ---- riders

    record Enrolment(@Nullable Long accountId, @Nullable String name, @Nullable Integer capacity) {
    }

    @PostMapping("/instant/riders")
    @ResponseStatus(HttpStatus.CREATED)
    Rider enrol(@RequestBody Enrolment enrolment, Actor actor) {
        actor.require(Role.OPERATOR);
        if (enrolment.accountId() == null) {
            throw new InvalidInputException("accountId", Text.of("instant.field.required", "accountId"));
        }
        return riders.enrol(actor, enrolment.accountId(), enrolment.name() == null ? "" : enrolment.name(),
                enrolment.capacity() == null ? 3 : enrolment.capacity());
    }

    @GetMapping("/instant/riders")
    List<Rider> riders(Actor actor) {
        return riders.all(actor);
    }

    @GetMapping("/instant/riders/me")
    Rider me(Actor actor) {
        return riders.me(actor);
    }

    record Shift(@Nullable Boolean online) {
    }

    @PostMapping("/instant/riders/me/shift")
    Rider shift(@RequestBody Shift shift, Actor actor) {
        if (shift.online() == null) {
            throw new InvalidInputException("online", Text.of("instant.field.required", "online"));
        }
        return riders.goOnline(actor, shift.online());
    }

    record Fix(@Nullable Double lat, @Nullable Double lng) {
    }

    @PostMapping("/instant/riders/me/position")
    Rider position(@RequestBody Fix fix, Actor actor) {
        return riders.report(actor, position(fix.lat(), fix.lng()));
    }

    @GetMapping("/instant/riders/me/tasks")
    List<DeliveryTask> tasks(Actor actor) {
        return riders.tasks(actor);
    }

    @PostMapping("/instant/tasks/{taskId}/accept")
    DeliveryTask accept(@PathVariable long taskId, Actor actor) {
        return riders.accept(actor, taskId);
    }

    @PostMapping("/instant/tasks/{taskId}/decline")
    DeliveryTask decline(@PathVariable long taskId, Actor actor) {
        return riders.decline(actor, taskId);
    }

    @PostMapping("/instant/tasks/{taskId}/pickup")
    DeliveryTask pickUp(@PathVariable long taskId, Actor actor) {
        return riders.pickUp(actor, taskId);
    }

    record Proof(@Nullable String proofCode) {
    }

    @PostMapping("/instant/tasks/{taskId}/delivery")
    DeliveryTask deliver(@PathVariable long taskId, @RequestBody Proof proof, Actor actor) {
        if (proof.proofCode() == null || proof.proofCode().isBlank()) {
            throw new InvalidInputException("proofCode", Text.of("instant.field.required", "proofCode"));
        }
        return riders.deliver(actor, taskId, proof.proofCode());
    }

    // ---- operators

    @GetMapping("/operator/instant/board")
    OperationsBoard board(Actor actor) {
        return deliveries.board(actor);
    }

    @GetMapping("/operator/instant/economics")
    List<UnitEconomics> economics(@RequestParam(defaultValue = "100") int limit, Actor actor) {
        return deliveries.economics(actor, limit);
    }

    @PostMapping("/operator/instant/dispatch")
    List<DispatchRound> dispatchNow(Actor actor) {
        actor.require(Role.OPERATOR);
        return dispatch.round();
    }

    static Position position(@Nullable Double lat, @Nullable Double lng) {
        if (lat == null) {
            throw new InvalidInputException("lat", Text.of("instant.field.required", "lat"));
        }
        if (lng == null) {
            throw new InvalidInputException("lng", Text.of("instant.field.required", "lng"));
        }
        return new Position(lat, lng);
    }
}
