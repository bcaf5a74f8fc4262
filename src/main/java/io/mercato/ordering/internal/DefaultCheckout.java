package io.mercato.ordering.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.ordering.Address;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.CheckoutGuard;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderShipping;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.mercato.pricing.Funder;
import io.mercato.pricing.PriceQuotes;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.PriceQuotes.QuotedLine;
import io.mercato.pricing.Vouchers;
import java.time.Clock;
import java.time.Instant;
import io.mercato.fx.ExchangeRates;
import io.mercato.ordering.internal.Order.Taxes;
import io.mercato.platform.Money;
import io.mercato.tax.CrossBorderTax;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout as a use case: prices the items from the catalogue, places one {@link Order} per store and
 * reserves its stock, all in one transaction; and pays a whole checkout through the lifecycle.
 */
@Service
class DefaultCheckout implements Checkout {

    private final Catalog catalog;
    private final Orders orders;
    private final Carts carts;
    private final OrderMoves moves;
    private final OrderLifecycle lifecycle;
    private final OrderingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PriceQuotes prices;
    private final Vouchers vouchers;
    private final List<OrderShipping> shipping;
    private final ExchangeRates rates;
    private final ObjectProvider<CheckoutGuard> guards;
    private final CrossBorderTax tax;
    private final ZoneId zone;

    DefaultCheckout(Catalog catalog, Orders orders, Carts carts, OrderMoves moves, OrderLifecycle lifecycle,
            OrderingProperties properties, Clock clock, ApplicationEventPublisher events, PriceQuotes prices,
            Vouchers vouchers, List<OrderShipping> shipping, ExchangeRates rates, ObjectProvider<CheckoutGuard> guards,
            CrossBorderTax tax, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.tax = tax;
        this.zone = ZoneId.of(zone);
        this.rates = rates;
        this.guards = guards;
        this.prices = prices;
        this.vouchers = vouchers;
        this.catalog = catalog;
        this.orders = orders;
        this.carts = carts;
        this.moves = moves;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.shipping = List.copyOf(shipping);
    }

    @Override
    @Transactional
    public Placed place(Actor buyer, Address address, @Nullable List<Item> items) {
        return place(buyer, address, items, null);
    }

    @Override
    @Transactional
    public Placed place(Actor buyer, Address address, @Nullable List<Item> items, @Nullable String requestKey) {
        return place(buyer, address, items, requestKey, CouponChoice.BEST);
    }

    @Override
    @Transactional
    public Placed place(Actor buyer, Address address, @Nullable List<Item> items, @Nullable String requestKey,
            CouponChoice coupons) {
        Carts.requireBuyer(buyer);
        boolean fromCart = items == null;
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 200)) {
            throw new InvalidInputException("requestKey", Text.of("ordering.checkoutSKeyMustCharacters", requestKey.length()));
        }
        if (fromCart || requestKey != null) {
            // Read the cart and the keys only once no other checkout of this buyer is under way.
            orders.lockCheckoutsOf(buyer.accountId());
        }
        if (requestKey != null) {
            var placedBefore = orders.checkoutWithKey(buyer.accountId(), requestKey);
            if (placedBefore.isPresent()) {
                long checkoutId = placedBefore.get();
                return new Placed(checkoutId, orders.load(orders.ordersOfCheckout(checkoutId, false)));
            }
        }
        List<Item> wanted = fromCart ? carts.contents(buyer.accountId()) : items;
        if (wanted.isEmpty()) {
            throw new InvalidInputException("items", fromCart ? Text.of("ordering.cartEmpty") : Text.of("ordering.nameOneItem"));
        }
        if (wanted.size() > Carts.MAX_ITEMS) {
            throw new InvalidInputException("items", Text.of("ordering.mostItemsPerCheckoutGot", Carts.MAX_ITEMS, wanted.size()));
        }
        // Same SKU twice adds up; each store gets its own order, in the order the buyer listed them.
        Map<Long, Long> quantities = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            Item item = wanted.get(i);
            if (item == null) {
                throw new InvalidInputException("items[" + i + "]", Text.of("ordering.itemsEmptyNameSKUQuantity", i));
            }
            if (item.quantity() < 1 || item.quantity() > Carts.MAX_QUANTITY) {
                throw new InvalidInputException("items[" + i + "].quantity", Text.of("ordering.quantitySKUMustBetweenGot", item.skuId(), Carts.MAX_QUANTITY, item.quantity()));
            }
            quantities.merge(item.skuId(), item.quantity(), Long::sum);
        }
        List<Item> merged = quantities.entrySet().stream().map(e -> new Item(e.getKey(), e.getValue())).toList();
        guards.orderedStream().forEach(guard -> guard.check(buyer, merged, requestKey));
        Map<Long, List<Priced>> byStore = new LinkedHashMap<>();
        int index = 0;
        for (var entry : quantities.entrySet()) {
            SaleableSku sku;
            try {
                sku = catalog.saleable(entry.getKey());
            } catch (NotFoundException e) {
                throw new InvalidInputException("items[" + index + "].skuId", e.text());
            }
            if (sku.sellerAccountId() == buyer.accountId()) {
                throw new ConflictException(Text.of("ordering.skuSoldYourOwnStore", sku.skuId()));
            }
            byStore.computeIfAbsent(sku.storeId(), k -> new ArrayList<>()).add(new Priced(sku, entry.getValue()));
            index++;
        }
        Instant now = Order.now(clock);
        Instant payBy = now.plus(properties.paymentTimeout());
        Instant priceAt = guards.orderedStream().map(guard -> guard.pricedAt(buyer, merged, requestKey))
                .flatMap(java.util.Optional::stream).findFirst().orElse(now);
        // One quote for the whole checkout: coupons and threshold discounts span stores.
        PriceQuotes.Quote quote = prices.quote(new PriceQuotes.QuoteRequest(buyer.accountId(),
                quantities.entrySet().stream().map(e -> new PriceQuotes.Line(e.getKey(), e.getValue())).toList(),
                coupons == null ? CouponChoice.BEST : coupons, priceAt));
        Map<Long, QuotedLine> quoted = new LinkedHashMap<>();
        quote.lines().forEach(line -> quoted.put(line.skuId(), line));
        long checkoutId = orders.addCheckout(buyer.accountId(), now, requestKey);
        List<OrderView> placed = new ArrayList<>();
        Currency display = rates.displayCurrency(buyer.accountId());
        // Each coupon is redeemed for the orders it took money off, so it comes back once all of those are cancelled.
        Map<Long, List<Long>> ordersOfClaim = new LinkedHashMap<>();
        quote.claimIds().forEach(claimId -> ordersOfClaim.put(claimId, new ArrayList<>()));
        for (List<Priced> lines : byStore.values()) {
            SaleableSku first = lines.getFirst().sku();
            List<Order.NewLine> newLines = lines.stream().map(line -> line.line(quoted.get(line.sku().skuId()))).toList();
            long shippingFee = shippingFee(first, address, newLines);
            Order order = Order.place(checkoutId, buyer, first.storeId(), first.storeKind(), first.sellerAccountId(),
                    first.price().currency(), newLines, shippingFee, address, now, payBy);
            Taxes taxes = taxes(address, newLines, first.price().currency(), shippingFee, now);
            if (taxes != null) {
                order.recordTaxes(taxes);
            }
            recordBuyerAmount(order, display, now);
            orders.add(order);
            orders.saveTaxes(order);
            moves.placed(order);
            events.publishEvent(order.placed());
            announceShipping(order.view(), address, lines);
            placed.add(order.view());
            for (Priced line : lines) {
                for (var adjustment : quoted.get(line.sku().skuId()).adjustments()) {
                    List<Long> ids = adjustment.claimId() == null ? null : ordersOfClaim.get(adjustment.claimId());
                    if (ids != null && !ids.contains(order.id())) {
                        ids.add(order.id());
                    }
                }
            }
        }
        ordersOfClaim.forEach((claimId, orderIds) -> vouchers.redeem(buyer.accountId(), List.of(claimId), checkoutId, orderIds));
        if (fromCart) {
            carts.removeAll(buyer.accountId(), List.copyOf(quantities.keySet()));
        }
        return new Placed(checkoutId, placed);
    }

    @Override
    @Transactional
    public List<OrderView> pay(Actor buyer, long checkoutId) {
        requireOwner(buyer, checkoutId);
        List<Long> unpaid = orders.ordersOfCheckout(checkoutId, true);
        if (unpaid.isEmpty()) {
            throw new ConflictException(Text.of("ordering.checkoutHasNoOrdersAwaiting", checkoutId));
        }
        return unpaid.stream().map(orderId -> lifecycle.pay(buyer, orderId)).toList();
    }

    @Override
    public List<OrderView> orders(Actor buyer, long checkoutId) {
        requireOwner(buyer, checkoutId);
        return orders.load(orders.ordersOfCheckout(checkoutId, false));
    }

    /**
     * A buyer who shows prices in another currency gets the order's total in it at the day's rate, recorded on the
     * order; without a rate in force the order simply shows its own currency (the buyer pays in it either way).
     */
    private void recordBuyerAmount(Order order, @Nullable Currency display, Instant now) {
        if (display == null || display.equals(order.currency())) {
            return;
        }
        try {
            var converted = rates.convert(order.payable(), display, now);
            order.recordBuyerAmount(new OrderView.BuyerAmount(display.getCurrencyCode(), converted.to().minor(),
                    converted.rate(), converted.rateDay()));
        } catch (ConflictException noRate) {
            // No rate fresh enough: nothing to record.
        }
    }

    /**
     * The cross-border taxes of a parcel of these lines to the address, as the tax rules assess them on the day (in the
     * platform's zone); null when none apply (a domestic order, a destination without rules). An EU destination
     * without a VAT table in force, or goods no rate converts, refuse the checkout: the order cannot be taxed.
     */
    private @Nullable Taxes taxes(Address address, List<Order.NewLine> lines, Currency currency, long shippingMinor,
            Instant now) {
        List<CrossBorderTax.Goods> goods = lines.stream()
                .map(line -> new CrossBorderTax.Goods(line.categoryId(), new Money(line.paidMinor(), currency))).toList();
        CrossBorderTax.Assessment assessed = tax.assess(address.country(), goods, new Money(shippingMinor, currency),
                now.atZone(zone).toLocalDate());
        if (assessed.treatment() == CrossBorderTax.Treatment.NONE) {
            return null;
        }
        return new Taxes(assessed.treatment().name(), assessed.basisPoints(), assessed.collected().minor(),
                assessed.due().minor());
    }

    /** The store's shipping fee for these lines, as the shipping module (when one runs) computes it; zero otherwise. */
    private long shippingFee(SaleableSku first, Address address, List<Order.NewLine> lines) {
        long goods = lines.stream().mapToLong(Order.NewLine::paidMinor).sum();
        long units = lines.stream().mapToLong(Order.NewLine::quantity).sum();
        var question = new OrderShipping.FeeQuestion(first.storeId(), address,
                new io.mercato.platform.Money(goods, first.price().currency()), units);
        long fee = 0;
        for (OrderShipping each : shipping) {
            fee = Math.addExact(fee, each.fee(question).minor());
        }
        return fee;
    }

    /** Lets the shipping module (when one runs) keep the order's delivery promise, in this transaction. */
    private void announceShipping(OrderView order, Address address, List<Priced> lines) {
        if (shipping.isEmpty()) {
            return;
        }
        var placed = new OrderShipping.PlacedOrder(order.id(), order.storeId(), order.buyerAccountId(),
                order.sellerAccountId(), address, order.placedAt(),
                lines.stream().map(line -> line.sku().productId()).toList());
        shipping.forEach(each -> each.placed(placed));
    }

    private void requireOwner(Actor buyer, long checkoutId) {
        Carts.requireBuyer(buyer);
        long owner = orders.checkoutOwner(checkoutId)
                .orElseThrow(() -> new NotFoundException(Text.of("ordering.checkoutDoesNotExist", checkoutId)));
        if (owner != buyer.accountId()) {
            throw new ForbiddenException(Text.of("ordering.checkoutNotYours", checkoutId));
        }
    }

    private record Priced(SaleableSku sku, long quantity) {

        /** The line as the engine priced it: the catalogue's list price (the same read), its discounts and what is paid. */
        Order.NewLine line(QuotedLine quoted) {
            long platformFunded = quoted.adjustments().stream().filter(a -> a.funder() == Funder.PLATFORM)
                    .mapToLong(a -> a.amount().minor()).sum();
            return new Order.NewLine(sku.skuId(), sku.productId(), sku.title(), sku.attributes(),
                    quoted.listUnit().minor(), quantity, sku.categoryId(), sku.commissionBasisPoints(),
                    quoted.paid().minor(), platformFunded, quoted.adjustments().stream()
                            .map(a -> new io.mercato.ordering.OrderView.Adjustment(a.kind(), a.funder(), a.promotionId(),
                                    a.claimId(), a.name(), a.amount().minor())).toList());
        }
    }
}
