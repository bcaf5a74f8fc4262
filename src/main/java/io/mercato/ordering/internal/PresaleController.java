package io.mercato.ordering.internal;

import io.mercato.ordering.Address;
import io.mercato.ordering.Presale;
import io.mercato.ordering.PresaleOrders;
import io.mercato.payment.Escrow;
import io.mercato.payment.Posting;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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
@Tag(name = "Presales", description = "Deposits, final payments and the presale timer")
class PresaleController {

    private final PresaleOrders presales;
    private final PresaleTimeouts timeouts;
    private final Escrow escrow;

    PresaleController(PresaleOrders presales, PresaleTimeouts timeouts, Escrow escrow) {
        this.presales = presales;
        this.timeouts = timeouts;
        this.escrow = escrow;
    }

    record DepositRequest(@Nullable Address address) {
    }

    /** @param claimIds the coupons to use; absent: the best combination of the buyer's coupons */
    record FinalPaymentRequest(@Nullable List<Long> claimIds) {

        CouponChoice coupons() {
            if (claimIds == null) {
                return CouponChoice.BEST;
            }
            if (claimIds.size() > 20 || claimIds.stream().anyMatch(java.util.Objects::isNull)) {
                throw new InvalidInputException("claimIds", Text.of("ordering.nameMostCouponsNoneEmpty"));
            }
            return CouponChoice.chosen(claimIds);
        }
    }

    @PostMapping("/presale-offers/{offerId}/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    Presale deposit(@PathVariable long offerId, @RequestBody DepositRequest request, Actor actor) {
        if (request.address() == null) {
            throw new InvalidInputException("address", Text.of("ordering.addressRequiredWhereGoodsWill"));
        }
        return presales.deposit(actor, offerId, request.address());
    }

    @GetMapping("/presales")
    List<Presale> presales(@RequestParam(required = false) @Nullable Long storeId,
            @RequestParam(defaultValue = "50") int limit, Actor actor) {
        return presales.presales(actor, storeId, limit);
    }

    @GetMapping("/presales/{presaleId}")
    Presale presale(@PathVariable long presaleId, Actor actor) {
        return presales.presale(actor, presaleId);
    }

    @GetMapping("/presales/{presaleId}/postings")
    List<Posting> postings(@PathVariable long presaleId, Actor actor) {
        presales.presale(actor, presaleId);
        return escrow.postingsOfPresale(presaleId);
    }

    @GetMapping("/presales/{presaleId}/final-quote")
    PresaleOrders.FinalQuote finalQuote(@PathVariable long presaleId, Actor actor) {
        return presales.finalQuote(actor, presaleId, CouponChoice.BEST);
    }

    @PostMapping("/presales/{presaleId}/final-payment")
    Presale payFinal(@PathVariable long presaleId, @RequestBody(required = false) @Nullable FinalPaymentRequest request,
            Actor actor) {
        return presales.payFinal(actor, presaleId, request == null ? CouponChoice.BEST : request.coupons());
    }

    @PostMapping("/operator/presale-timers")
    Map<String, Integer> runTimers(Actor actor) {
        actor.require(Role.OPERATOR);
        return Map.of("closed", timeouts.run());
    }
}
