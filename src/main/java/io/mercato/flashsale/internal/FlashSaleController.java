package io.mercato.flashsale.internal;

import io.mercato.flashsale.FlashClaim;
import io.mercato.flashsale.FlashSale;
import io.mercato.flashsale.FlashSales;
import io.mercato.http.HttpProblems;
import io.mercato.http.Wording;
import io.mercato.ordering.Address;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.platform.TooManyRequestsException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/flash-sales}: schedule (sellers, operators), browse (anyone), attempt (buyers). */
@RestController
@RequestMapping("/api/v1/flash-sales")
final class FlashSaleController {

    private final FlashSales sales;
    private final Wording wording;

    FlashSaleController(FlashSales sales, Wording wording) {
        this.sales = sales;
        this.wording = wording;
    }

    /** A sale in the API's flat money shape ({@code …Minor} + currency). */
    record SaleJson(long id, String name, long skuId, long productId, long storeId, String title, long priceMinor,
            long listPriceMinor, String currency, long quantity, long sold, long remaining, int perBuyerLimit,
            Instant startsAt, Instant endsAt, FlashSale.Status status) {

        static SaleJson of(FlashSale s) {
            return new SaleJson(s.id(), s.name(), s.skuId(), s.productId(), s.storeId(), s.title(), s.price().minor(),
                    s.listPrice().minor(), s.price().currency().getCurrencyCode(), s.quantity(), s.sold(),
                    s.remaining(), s.perBuyerLimit(), s.startsAt(), s.endsAt(), s.status());
        }
    }

    record AttemptRequest(@Nullable Long quantity, @Nullable Address address) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SaleJson schedule(@RequestBody FlashSales.NewFlashSale sale, Actor actor) {
        return SaleJson.of(sales.schedule(actor, sale));
    }

    @GetMapping
    List<SaleJson> current() {
        return sales.current().stream().map(SaleJson::of).toList();
    }

    @GetMapping("/managed")
    List<SaleJson> managed(Actor actor) {
        return sales.managed(actor).stream().map(SaleJson::of).toList();
    }

    /** Calls the sale off before it starts (its seller or an operator); 409 once it has started. */
    @PostMapping("/{saleId}/cancellation")
    SaleJson cancel(@PathVariable long saleId, Actor actor) {
        return SaleJson.of(sales.cancel(actor, saleId));
    }

    @GetMapping("/{saleId}")
    SaleJson sale(@PathVariable long saleId) {
        return SaleJson.of(sales.sale(saleId));
    }

    /**
     * 201 with the claim once it is committed; 409 when not started, ended, sold out or past the limit; 429 with
     * {@code Retry-After} when this instance's queue for the sale is full or the attempt could not be decided in time
     * (a retry with the same {@code Idempotency-Key} returns the claim if it won meanwhile).
     */
    @PostMapping("/{saleId}/attempts")
    ResponseEntity<?> attempt(@PathVariable long saleId, @RequestBody AttemptRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, Actor buyer) {
        if (request.address() == null) {
            throw new InvalidInputException("address", Text.of("flashsale.address.required"));
        }
        long quantity = request.quantity() == null ? 1 : request.quantity();
        try {
            FlashClaim claim = sales.attempt(buyer, saleId, quantity, request.address(), key);
            return ResponseEntity.status(HttpStatus.CREATED).body(claim);
        } catch (TooManyRequestsException busy) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, wording.of(busy));
            problem.setTitle(HttpProblems.title(busy));
            problem.setProperty("queued", sales.queued());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    @GetMapping("/{saleId}/claims")
    List<FlashClaim> claims(@PathVariable long saleId, Actor buyer) {
        return sales.claims(buyer, saleId);
    }

    /** The books, with whether they balance (sold = units held by won and ordered claims, never above the quantity). */
    record TallyJson(long saleId, long quantity, long sold, long held, long won, long ordered, long returned,
            long failed, boolean balances) {
    }

    @GetMapping("/{saleId}/tally")
    TallyJson tally(@PathVariable long saleId, Actor actor) {
        FlashSales.Tally t = sales.tally(actor, saleId);
        return new TallyJson(t.saleId(), t.quantity(), t.sold(), t.held(), t.won(), t.ordered(), t.returned(),
                t.failed(), t.balances());
    }
}
