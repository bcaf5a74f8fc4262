package io.mercato.ordering.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.inventory.StockLedger;
import io.mercato.inventory.StockLine;
import io.mercato.ordering.Address;
import io.mercato.ordering.Presale;
import io.mercato.ordering.Presale.Status;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.PresaleOrders;
import io.mercato.payment.Escrow;
import io.mercato.payment.Payee;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Funder;
import io.mercato.pricing.PriceQuotes;
import io.mercato.pricing.PriceQuotes.Adjustment;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.Presales;
import io.mercato.pricing.Presales.Offer;
import io.mercato.pricing.Vouchers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Presale as a use case. The deposit holds one unit under a reservation of its own and the money in the store's
 * escrow; the final payment prices the unit with the engine, credits the deposit's worth, places an order whose total
 * is the deposit plus the balance, passes the reservation to it and pays the balance into the same escrow, so the
 * order settles (or refunds) its whole total like any other.
 */
@Service
class DefaultPresaleOrders implements PresaleOrders {

    static final int MAX_LIST = 200;

    private final Presales offers;
    private final PresaleRows rows;
    private final Catalog catalog;
    private final StockLedger stock;
    private final Escrow escrow;
    private final Orders orders;
    private final ObjectProvider<PriceQuotes> quotes;
    private final ObjectProvider<Vouchers> vouchers;
    private final OrderingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DefaultPresaleOrders(Presales offers, PresaleRows rows, Catalog catalog, StockLedger stock, Escrow escrow,
            Orders orders, ObjectProvider<PriceQuotes> quotes, ObjectProvider<Vouchers> vouchers,
            OrderingProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.offers = offers;
        this.rows = rows;
        this.catalog = catalog;
        this.stock = stock;
        this.escrow = escrow;
        this.orders = orders;
        this.quotes = quotes;
        this.vouchers = vouchers;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Presale deposit(Actor buyer, long offerId, Address address) {
        buyer.require(Role.BUYER);
        Offer offer = offers.offer(offerId);
        Instant now = Order.now(clock);
        if (now.isBefore(offer.presaleFrom())) {
            throw new ConflictException(Text.of("ordering.depositsPresaleOfferOpen", offerId, offer.presaleFrom()));
        }
        if (!now.isBefore(offer.presaleUntil())) {
            throw new ConflictException(Text.of("ordering.presaleWindowOfferClosedDeposits", offerId, offer.presaleUntil()));
        }
        SaleableSku sku = catalog.saleable(offer.skuId());
        if (sku.sellerAccountId() == buyer.accountId()) {
            throw new ConflictException(Text.of("ordering.skuSoldYourOwnStore", sku.skuId()));
        }
        rows.lockBuyerOffer(buyer.accountId(), offerId);
        long placed = rows.countOf(buyer.accountId(), offerId);
        if (placed >= offer.perBuyerLimit()) {
            throw new ConflictException(Text.of("ordering.presaleOfferTakesMostDeposit", offerId, offer.perBuyerLimit(), placed));
        }
        long reservationId = rows.newReservationId();
        long presaleId = rows.insert(offerId, offer.festivalId(), buyer.accountId(), sku.storeId(), sku.storeKind(),
                sku.sellerAccountId(), sku.skuId(), sku.productId(), sku.title(), offer.deposit(), offer.worth(),
                offer.unpaidRule(), offer.finalFrom(), offer.finalUntil(), reservationId, address, now);
        escrow.holdDeposit(presaleId, buyer.accountId(), payee(sku.storeKind(), sku.sellerAccountId()), offer.deposit());
        stock.reserve(reservationId, List.of(new StockLine(sku.skuId(), 1)));
        return rows.get(presaleId).presale();
    }

    @Override
    @Transactional(readOnly = true)
    public FinalQuote finalQuote(Actor buyer, long presaleId, CouponChoice coupons) {
        PresaleRows.Row row = rows.get(presaleId);
        requireBuyer(buyer, row.presale());
        return price(row.presale(), Order.now(clock), coupons);
    }

    @Override
    @Transactional
    public Presale payFinal(Actor buyer, long presaleId, CouponChoice coupons) {
        PresaleRows.Row row = rows.lock(presaleId);
        Presale presale = row.presale();
        requireBuyer(buyer, presale);
        Instant now = Order.now(clock);
        if (presale.status() != Status.DEPOSIT_PAID) {
            throw new ConflictException(Text.of("ordering.presaleBalanceCanNoLonger", presaleId, presale.status()));
        }
        if (now.isBefore(presale.finalFrom())) {
            throw new ConflictException(Text.of("ordering.finalPaymentPresaleOpens", presaleId, presale.finalFrom()));
        }
        if (!now.isBefore(presale.finalUntil())) {
            throw new ConflictException(Text.of("ordering.finalPaymentWindowPresaleClosed", presaleId, presale.finalUntil()));
        }
        FinalQuote quote = price(presale, now, coupons);
        SaleableSku sku = catalog.saleable(presale.skuId());
        long checkoutId = orders.addCheckout(buyer.accountId(), now, null);
        // The line keeps the engine's explanation with the deposit's credit last: list price less every discount is
        // what the buyer pays in all (deposit and balance); the platform-funded part is paid to the merchant at settlement.
        long platformFunded = quote.lines().stream().filter(a -> a.funder() == Funder.PLATFORM)
                .mapToLong(a -> a.amount().minor()).sum();
        Order order = Order.place(checkoutId, buyer, presale.storeId(), row.storeKind(), presale.sellerAccountId(),
                quote.orderTotal().currency(), List.of(new Order.NewLine(sku.skuId(), sku.productId(), sku.title(),
                        sku.attributes(), quote.listTotal().minor(), 1, sku.categoryId(), sku.commissionBasisPoints(),
                        quote.orderTotal().minor(), platformFunded, quote.lines().stream()
                                .map(a -> new OrderView.Adjustment(a.kind(), a.funder(), a.promotionId(), a.claimId(),
                                        a.name(), a.amount().minor())).toList())),
                0,
                row.address(), now, now.plus(properties.paymentTimeout()));
        orders.add(order);
        // The unit held since the deposit passes to the order in this transaction: nobody else can take it between.
        stock.release(row.reservationId());
        stock.reserve(order.id(), List.of(new StockLine(sku.skuId(), 1)));
        events.publishEvent(order.placed());
        order.pay(buyer, now);
        orders.save(order);
        if (quote.due().isPositive()) {
            escrow.pay(order.id(), buyer.accountId(), payee(row), quote.due());
        }
        stock.commit(order.id());
        Vouchers wallet = vouchers.getIfAvailable();
        if (wallet != null && !quote.claimIds().isEmpty()) {
            wallet.redeem(buyer.accountId(), quote.claimIds(), checkoutId, List.of(order.id()));
        }
        order.releaseEvents().forEach(events::publishEvent);
        rows.finalPaid(presaleId, order.id(), now);
        return rows.get(presaleId).presale();
    }

    @Override
    public Presale presale(Actor actor, long presaleId) {
        Presale presale = rows.get(presaleId).presale();
        boolean mine = switch (actor.role()) {
            case BUYER -> presale.buyerAccountId() == actor.accountId();
            case SELLER -> presale.sellerAccountId() == actor.accountId();
            case OPERATOR -> true;
            case SYSTEM -> false;
        };
        if (!mine) {
            throw new ForbiddenException(Text.of("ordering.presaleNotYours", presaleId));
        }
        return presale;
    }

    @Override
    public List<Presale> presales(Actor actor, @Nullable Long storeId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIST));
        return switch (actor.role()) {
            case BUYER -> rows.list(actor.accountId(), null, null, size);
            case SELLER -> rows.list(null, actor.accountId(), storeId, size);
            case OPERATOR -> rows.list(null, null, storeId, size);
            case SYSTEM -> throw new ForbiddenException(Text.of("ordering.systemHasNoPresales"));
        };
    }

    /**
     * The engine's price for the unit now, with every promotion in force, less what the deposit is worth: the
     * deposit's worth beyond its amount is the merchant-funded {@code PRESALE_DEPOSIT} adjustment, applied last.
     */
    FinalQuote price(Presale presale, Instant at, CouponChoice coupons) {
        SaleableSku sku = catalog.saleable(presale.skuId());
        Money list = sku.price();
        List<Adjustment> adjustments = new ArrayList<>();
        Money promoted = list;
        List<Long> claimIds = List.of();
        PriceQuotes engine = quotes.getIfAvailable();
        if (engine != null) {
            // The same SKU-level promotions, store coupons, threshold discounts and platform vouchers as any checkout.
            PriceQuotes.Quote quote = engine.quote(new PriceQuotes.QuoteRequest(presale.buyerAccountId(),
                    List.of(new PriceQuotes.Line(presale.skuId(), 1)), coupons, at));
            PriceQuotes.QuotedLine line = quote.lines().getFirst();
            adjustments.addAll(line.adjustments());
            promoted = line.paid();
            claimIds = quote.claimIds();
        }
        Money deposit = presale.deposit();
        Money credit = min(presale.worth(), promoted).minus(deposit);
        if (credit.isPositive()) {
            adjustments.add(new Adjustment(AdjustmentKind.PRESALE_DEPOSIT, AdjustmentKind.PRESALE_DEPOSIT.defaultFunder(),
                    presale.offerId(), null, "Presale deposit", credit));
        }
        Money due = promoted.minus(presale.worth());
        if (due.isNegative()) {
            due = Money.zero(list.currency());
        }
        return new FinalQuote(presale, list, adjustments, deposit.plus(due), due, claimIds);
    }

    private static Money min(Money a, Money b) {
        return a.minor() <= b.minor() ? a : b;
    }

    private static void requireBuyer(Actor buyer, Presale presale) {
        buyer.require(Role.BUYER);
        if (presale.buyerAccountId() != buyer.accountId()) {
            throw new ForbiddenException(Text.of("ordering.presaleNotYours", presale.id()));
        }
    }

    static Payee payee(PresaleRows.Row row) {
        return payee(row.storeKind(), row.presale().sellerAccountId());
    }

    /** Whose escrow holds the deposit: the seller's, or the platform's for its own sales, as for the order. */
    static Payee payee(io.mercato.merchant.StoreKind kind, long sellerId) {
        return Order.firstParty(kind) ? Payee.platform() : Payee.merchant(sellerId);
    }
}
