package io.mercato.pricing.internal.festival;

import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import io.mercato.pricing.Festivals;
import io.mercato.pricing.Festivals.Enrolment;
import io.mercato.pricing.Festivals.Festival;
import io.mercato.pricing.Festivals.NewFestival;
import io.mercato.pricing.Festivals.Participant;
import io.mercato.pricing.Funder;
import io.mercato.pricing.Presales;
import io.mercato.pricing.Presales.NewOffer;
import io.mercato.pricing.Presales.Offer;
import io.mercato.pricing.Vouchers;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@Tag(name = "Festivals", description = "Festivals, their stores, enrolled SKUs, voucher pools and presale offers")
class FestivalController {

    private final Festivals festivals;
    private final Presales presales;
    private final ObjectProvider<Vouchers> vouchers;
    private final Clock clock;

    FestivalController(Festivals festivals, Presales presales, ObjectProvider<Vouchers> vouchers, Clock clock) {
        this.festivals = festivals;
        this.presales = presales;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    @GetMapping("/festivals")
    List<Festival> upcoming() {
        return festivals.upcoming(clock.instant());
    }

    @GetMapping("/festivals/{festivalId}")
    Festival festival(@PathVariable long festivalId) {
        return festivals.festival(festivalId);
    }

    @GetMapping("/festivals/{festivalId}/stores")
    List<Participant> participants(@PathVariable long festivalId) {
        return festivals.participants(festivalId);
    }

    @GetMapping("/festivals/{festivalId}/enrolments")
    List<Enrolment> enrolments(@PathVariable long festivalId, @RequestParam(required = false) @Nullable Long storeId) {
        return festivals.enrolments(festivalId, storeId);
    }

    @GetMapping("/festivals/{festivalId}/voucher-pools")
    List<Vouchers.Pool> pools(@PathVariable long festivalId) {
        List<Long> ids = festivals.poolIds(festivalId);
        Vouchers service = vouchers.getIfAvailable();
        return service == null ? List.of() : ids.stream().map(service::pool).toList();
    }

    @GetMapping("/festivals/{festivalId}/presales")
    List<Offer> offers(@PathVariable long festivalId, @RequestParam(required = false) @Nullable Long storeId) {
        return presales.offers(festivalId, storeId);
    }

    @GetMapping("/presale-offers/{offerId}")
    Offer offer(@PathVariable long offerId) {
        return presales.offer(offerId);
    }

    @GetMapping("/operator/festivals")
    List<Festival> all(Actor actor) {
        return festivals.all(actor);
    }

    @PostMapping("/operator/festivals")
    @ResponseStatus(HttpStatus.CREATED)
    Festival create(@RequestBody NewFestival festival, Actor actor) {
        return festivals.create(actor, festival);
    }

    @PostMapping("/operator/festivals/{festivalId}/stores")
    List<Participant> addStore(@PathVariable long festivalId, @RequestBody StoreRequest request, Actor actor) {
        actor.require(io.mercato.platform.Role.OPERATOR);
        if (request.storeId() == null) {
            throw new InvalidInputException("storeId", Text.of("pricing.storeIdRequired"));
        }
        return festivals.addStore(actor, festivalId, request.storeId());
    }

    @PostMapping("/operator/festivals/{festivalId}/voucher-pools")
    @ResponseStatus(HttpStatus.CREATED)
    Vouchers.Pool addPool(@PathVariable long festivalId, @RequestBody PoolRequest request, Actor actor) {
        actor.require(io.mercato.platform.Role.OPERATOR);
        return festivals.addPool(actor, festivalId, request.toNewPool());
    }

    @GetMapping("/merchant/festivals")
    List<Festival> ofStore(@RequestParam long storeId, Actor actor) {
        return festivals.festivalsOfStore(actor, storeId, clock.instant());
    }

    @PostMapping("/festivals/{festivalId}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    Enrolment enrol(@PathVariable long festivalId, @RequestBody SkuRequest request, Actor actor) {
        if (request.skuId() == null) {
            throw new InvalidInputException("skuId", Text.of("pricing.skuIdRequired"));
        }
        return festivals.enrol(actor, festivalId, request.skuId());
    }

    @DeleteMapping("/festivals/{festivalId}/enrolments/{skuId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable long festivalId, @PathVariable long skuId,
            @RequestParam(required = false) @Nullable String reason, Actor actor) {
        festivals.withdraw(actor, festivalId, skuId, reason);
    }

    @PostMapping("/festivals/{festivalId}/presales")
    @ResponseStatus(HttpStatus.CREATED)
    Offer createOffer(@PathVariable long festivalId, @RequestBody NewOffer offer, Actor actor) {
        return presales.create(actor, festivalId, offer);
    }

    record StoreRequest(@Nullable Long storeId) {
    }

    record SkuRequest(@Nullable Long skuId) {
    }

    /** A festival's platform voucher: the amount off above a threshold, with its issuance limits and windows. */
    record PoolRequest(@Nullable String name, @Nullable Long amountOffMinor, @Nullable Long thresholdMinor,
            @Nullable String currency, @Nullable Long totalLimit, @Nullable Integer perBuyerLimit,
            @Nullable Instant claimFrom, @Nullable Instant claimUntil, @Nullable Instant validFrom,
            @Nullable Instant validUntil, @Nullable Boolean membersOnly) {

        Vouchers.NewPool toNewPool() {
            var currency = Currencies.parse(this.currency == null ? "CNY" : this.currency);
            return new Vouchers.NewPool(require("name", name), Funder.PLATFORM, null, null,
                    new Money(require("amountOffMinor", amountOffMinor), currency),
                    new Money(thresholdMinor == null ? 0 : thresholdMinor, currency),
                    require("totalLimit", totalLimit), perBuyerLimit == null ? 1 : perBuyerLimit,
                    require("claimFrom", claimFrom), require("claimUntil", claimUntil),
                    require("validFrom", validFrom), require("validUntil", validUntil),
                    Boolean.TRUE.equals(membersOnly), false);
        }

        private static <T> T require(String field, @Nullable T value) {
            if (value == null) {
                throw new InvalidInputException(field, Text.of("pricing.required", field));
            }
            return value;
        }
    }
}
