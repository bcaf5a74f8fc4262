package io.mercato.flashsale.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.flashsale.FlashClaim;
import io.mercato.flashsale.FlashSale;
import io.mercato.flashsale.FlashSales;
import io.mercato.inventory.StockLedger;
import io.mercato.ordering.Address;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.platform.TooManyRequestsException;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Promotions;
import io.mercato.pricing.Promotions.NewSkuPromotion;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultFlashSales implements FlashSales {

    private static final Duration FURTHEST_START = Duration.ofDays(365);
    private static final int NAME_MAX = 100;

    private final Sales sales;
    private final Admission admission;
    private final ClaimOrders orders;
    private final Catalog catalog;
    private final StockLedger stock;
    private final Promotions promotions;
    private final FlashSaleProperties properties;
    private final Clock clock;
    /** Sales never change once scheduled but for their count: the rules an attempt is checked against first. */
    private final Map<Long, Sales.Row> definitions = new ConcurrentHashMap<>();

    DefaultFlashSales(Sales sales, Admission admission, ClaimOrders orders, Catalog catalog, StockLedger stock,
            Promotions promotions, FlashSaleProperties properties, Clock clock) {
        this.sales = sales;
        this.admission = admission;
        this.orders = orders;
        this.catalog = catalog;
        this.stock = stock;
        this.promotions = promotions;
        this.properties = properties;
        this.clock = clock;
        orders.onUnitsBack(admission::unitsBack);
    }

    @PreDestroy
    void stop() {
        admission.shutdown();
    }

    @Override
    @Transactional
    public FlashSale schedule(Actor actor, NewFlashSale sale) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (sale.skuId() == null) {
            throw new InvalidInputException("skuId", Text.of("flashsale.sku.required"));
        }
        long skuId = sale.skuId();
        try {
            catalog.requireSkuManagedBy(actor, skuId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("skuId", Text.of("flashsale.sku.unknown", skuId));
        }
        SaleableSku sku = catalog.saleable(skuId);
        Money list = sku.price();
        if (sale.priceMinor() == null || sale.priceMinor() < 1 || sale.priceMinor() >= list.minor()) {
            throw new InvalidInputException("priceMinor", Text.of("flashsale.price.range", list.minor()));
        }
        if (sale.quantity() == null || sale.quantity() < 1 || sale.quantity() > MAX_QUANTITY) {
            throw new InvalidInputException("quantity", Text.of("flashsale.quantity.range", MAX_QUANTITY));
        }
        int limit = sale.perBuyerLimit() == null ? 1 : sale.perBuyerLimit();
        if (limit < 1 || limit > MAX_PER_BUYER || limit > sale.quantity()) {
            throw new InvalidInputException("perBuyerLimit", Text.of("flashsale.limit.range", MAX_PER_BUYER));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant startsAt = sale.startsAt() == null ? now : sale.startsAt().truncatedTo(ChronoUnit.MICROS);
        if (startsAt.isBefore(now.minus(Duration.ofMinutes(1))) || startsAt.isAfter(now.plus(FURTHEST_START))) {
            throw new InvalidInputException("startsAt", Text.of("flashsale.start.range"));
        }
        if (startsAt.isBefore(now)) {
            startsAt = now;
        }
        if (sale.endsAt() == null || !sale.endsAt().isAfter(startsAt) || sale.endsAt().isAfter(startsAt.plus(LONGEST))) {
            throw new InvalidInputException("endsAt", Text.of("flashsale.end.range", LONGEST.toDays()));
        }
        Instant endsAt = sale.endsAt().truncatedTo(ChronoUnit.MICROS);
        String name = sale.name() == null || sale.name().isBlank() ? sku.title() : sale.name().strip();
        if (name.length() > NAME_MAX) {
            if (sale.name() != null && !sale.name().isBlank()) {
                throw new InvalidInputException("name", Text.of("flashsale.name.long", NAME_MAX));
            }
            name = name.substring(0, NAME_MAX);
        }
        long available = stock.stock(skuId).available();
        if (sale.quantity() > available) {
            throw new ConflictException(Text.of("flashsale.quantity.stock", skuId, available, sale.quantity()));
        }
        sales.lockSku(skuId);
        if (sales.overlaps(skuId, startsAt, endsAt)) {
            throw new ConflictException(Text.of("flashsale.overlaps", skuId));
        }
        Money price = new Money(sale.priceMinor(), list.currency());
        long promotionId = promotions.create(actor, new NewSkuPromotion(AdjustmentKind.FLASH_SALE, name, skuId, price,
                null, startsAt, endsAt)).id();
        Sales.Row row = new Sales.Row(0, name, skuId, sku.productId(), sku.storeId(), sku.sellerAccountId(), sku.title(),
                price, list, sale.quantity(), 0, limit, startsAt, endsAt);
        long id = sales.insert(row, promotionId, actor.role().name().toLowerCase(java.util.Locale.ROOT) + ":"
                + actor.accountId(), now);
        return sale(id);
    }

    @Override
    @Transactional
    public FlashSale cancel(Actor actor, long saleId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        Sales.Row row = sales.lock(saleId)
                .orElseThrow(() -> new NotFoundException(Text.of("flashsale.unknown", saleId)));
        if (actor.is(Role.SELLER) && row.sellerId() != actor.accountId()) {
            throw new ForbiddenException(Text.of("flashsale.notYours", saleId));
        }
        if (row.cancelledAt() != null) {
            throw new ConflictException(Text.of("flashsale.cancel.already", saleId));
        }
        Instant now = clock.instant();
        if (!now.isBefore(row.startsAt())) {
            throw new ConflictException(Text.of("flashsale.cancel.started", saleId));
        }
        sales.cancel(saleId, now);
        promotions.end(actor, row.promotionId());
        definitions.remove(saleId);
        return sale(saleId);
    }

    @Override
    public FlashSale sale(long saleId) {
        return sales.find(saleId).orElseThrow(() -> new NotFoundException(Text.of("flashsale.unknown", saleId)))
                .view(clock.instant());
    }

    @Override
    public List<FlashSale> current() {
        Instant now = clock.instant();
        return sales.notEndedAt(now, 100).stream().map(row -> row.view(now)).toList();
    }

    @Override
    public List<FlashSale> managed(Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        Instant now = clock.instant();
        return sales.ofSeller(actor.is(Role.OPERATOR) ? null : actor.accountId(), 200).stream()
                .map(row -> row.view(now)).toList();
    }

    @Override
    public FlashClaim attempt(Actor buyer, long saleId, long quantity, Address address, @Nullable String attemptKey) {
        buyer.require(Role.BUYER);
        String key = attemptKey == null ? UUID.randomUUID().toString() : attemptKey.strip();
        if (key.isEmpty() || key.length() > 200) {
            throw new InvalidInputException("attemptKey", Text.of("flashsale.key.length"));
        }
        Sales.Row sale = definition(saleId);
        if (quantity < 1 || quantity > sale.perBuyerLimit()) {
            throw new InvalidInputException("quantity", Text.of("flashsale.attempt.quantity", sale.perBuyerLimit()));
        }
        if (sale.sellerId() == buyer.accountId()) {
            throw new ConflictException(Text.of("flashsale.ownStore"));
        }
        Instant now = clock.instant();
        if (now.isBefore(sale.startsAt())) {
            throw new ConflictException(Text.of("flashsale.notStarted", saleId));
        }
        if (!now.isBefore(sale.endsAt())) {
            throw new ConflictException(Text.of("flashsale.ended", saleId));
        }
        if (admission.knownSoldOut(saleId)) {
            throw admission.soldOut(saleId);
        }
        try {
            return admission.submit(saleId, buyer.accountId(), quantity, address, key, attemptKey != null)
                    .get(properties.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DomainException refusal) {
                throw refusal;
            }
            throw new TooManyRequestsException(Text.of("flashsale.retry"));
        } catch (TimeoutException e) {
            // Still queued: it may yet win. The buyer's claims say so; a retry with the same key gets that claim.
            throw new TooManyRequestsException(Text.of("flashsale.pending"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManyRequestsException(Text.of("flashsale.retry"));
        }
    }

    private Sales.Row definition(long saleId) {
        Sales.Row row = definitions.get(saleId);
        if (row == null) {
            row = sales.find(saleId).orElseThrow(() -> new NotFoundException(Text.of("flashsale.unknown", saleId)));
            definitions.put(saleId, row);
        }
        return row;
    }

    @Override
    public List<FlashClaim> claims(Actor buyer, long saleId) {
        buyer.require(Role.BUYER);
        definition(saleId);
        return sales.claimsOf(buyer.accountId(), saleId);
    }

    @Override
    public Tally tally(Actor actor, long saleId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        Sales.Row sale = definition(saleId);
        if (actor.is(Role.SELLER) && sale.sellerId() != actor.accountId()) {
            throw new ForbiddenException(Text.of("flashsale.notYours", saleId));
        }
        return sales.tally(saleId);
    }

    @Override
    public int placeOrders() {
        return orders.placeAll();
    }

    @Override
    public int queued() {
        return admission.queued();
    }
}
