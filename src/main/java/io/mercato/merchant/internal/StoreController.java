package io.mercato.merchant.internal;

import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Stores", description = "Open stores and verify Tmall stores")
class StoreController {

    private final Stores stores;

    StoreController(Stores stores) {
        this.stores = stores;
    }

    record OpenStore(@NotBlank String name, @NotNull StoreKind kind, @Nullable String currency,
            @Nullable String logoUrl) {
    }

    record Decision(@NotNull Boolean approved, @NotBlank String reason) {
    }

    @PostMapping("/stores")
    @ResponseStatus(HttpStatus.CREATED)
    Store open(@Valid @RequestBody OpenStore request, Actor actor) {
        return stores.open(actor, request.name(), request.kind(),
                request.currency() == null ? "CNY" : request.currency(), request.logoUrl());
    }

    @GetMapping("/stores/{storeId}")
    Store get(@PathVariable long storeId) {
        return stores.get(storeId);
    }

    @GetMapping("/seller/stores")
    List<Store> mine(Actor actor) {
        return stores.ownedBy(actor.accountId());
    }

    @GetMapping("/operator/stores")
    List<Store> byStatus(@RequestParam(defaultValue = "PENDING_VERIFICATION") StoreStatus status, Actor actor) {
        actor.require(Role.OPERATOR);
        return stores.withStatus(status);
    }

    @PostMapping("/operator/stores/{storeId}/verification")
    Store decide(@PathVariable long storeId, @Valid @RequestBody Decision decision, Actor actor) {
        return stores.decideVerification(actor, storeId, decision.approved(), decision.reason());
    }
}
