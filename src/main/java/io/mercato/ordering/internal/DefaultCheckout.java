package io.mercato.ordering.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.inventory.StockLedger;
import io.mercato.inventory.StockLine;
import io.mercato.ordering.Address;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.OrderEvents.OrderPlaced;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultCheckout implements Checkout {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final StockLedger stock;
    private final Orders orders;
    private final DefaultCart cart;
    private final OrderLifecycle lifecycle;
    private final OrderingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DefaultCheckout(JdbcClient jdbc, Catalog catalog, StockLedger stock, Orders orders, DefaultCart cart,
            OrderLifecycle lifecycle, OrderingProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stock = stock;
        this.orders = orders;
        this.cart = cart;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Placed place(Actor buyer, Address address, @Nullable List<Item> items) {
        DefaultCart.requireBuyer(buyer);
        boolean fromCart = items == null;
        List<Item> wanted = fromCart ? cart.contents(buyer.accountId()) : items;
        if (wanted.isEmpty()) {
            throw new InvalidInputException("items", fromCart ? "The cart is empty" : "Name at least one item");
        }
        if (wanted.size() > DefaultCart.MAX_ITEMS) {
            throw new InvalidInputException("items", "At most " + DefaultCart.MAX_ITEMS + " items per checkout, got " + wanted.size());
        }
        // Same SKU twice adds up; each store gets its own order, in the order the buyer listed them.
        Map<Long, Long> quantities = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            Item item = wanted.get(i);
            if (item == null) {
                throw new InvalidInputException("items[" + i + "]", "items[" + i + "] is empty; name a SKU and a quantity");
            }
            if (item.quantity() < 1 || item.quantity() > DefaultCart.MAX_QUANTITY) {
                throw new InvalidInputException("items[" + i + "].quantity", "Quantity of SKU " + item.skuId()
                        + " must be between 1 and " + DefaultCart.MAX_QUANTITY + ", got " + item.quantity());
            }
            quantities.merge(item.skuId(), item.quantity(), Long::sum);
        }
        Map<Long, List<Priced>> byStore = new LinkedHashMap<>();
        int index = 0;
        for (var entry : quantities.entrySet()) {
            SaleableSku sku;
            try {
                sku = catalog.saleable(entry.getKey());
            } catch (NotFoundException e) {
                throw new InvalidInputException("items[" + index + "].skuId", e.getMessage());
            }
            if (sku.sellerAccountId() == buyer.accountId()) {
                throw new ConflictException("SKU " + sku.skuId() + " is sold by your own store");
            }
            byStore.computeIfAbsent(sku.storeId(), k -> new ArrayList<>()).add(new Priced(sku, entry.getValue()));
            index++;
        }
        Instant now = clock.instant();
        long checkoutId = jdbc.sql("INSERT INTO ordering.checkouts (buyer_id, created_at) VALUES (?, ?) RETURNING id")
                .params(buyer.accountId(), Timestamp.from(now)).query(Long.class).single();
        List<Long> orderIds = new ArrayList<>();
        for (List<Priced> lines : byStore.values()) {
            SaleableSku first = lines.getFirst().sku();
            long total = 0;
            for (Priced line : lines) {
                total = Math.addExact(total, Math.multiplyExact(line.sku().price().minor(), line.quantity()));
            }
            long orderId = orders.insertOrder(checkoutId, buyer.accountId(), first.storeId(), first.storeKind(),
                    first.sellerAccountId(), first.price().currencyCode(), total, address, now,
                    // PostgreSQL keeps microseconds: truncating keeps the deadline exactly as stored.
                    now.plus(properties.paymentTimeout()).truncatedTo(ChronoUnit.MICROS));
            for (Priced line : lines) {
                SaleableSku sku = line.sku();
                orders.insertLine(orderId, sku.skuId(), sku.productId(), sku.title(), sku.attributes(),
                        sku.price().minor(), line.quantity(), sku.categoryId(), sku.commissionBasisPoints());
            }
            stock.reserve(orderId, lines.stream().map(line -> new StockLine(line.sku().skuId(), line.quantity())).toList());
            orders.record(orderId, null, OrderStatus.AWAITING_PAYMENT, buyer, now, "placed");
            events.publishEvent(new OrderPlaced(orderId, buyer.accountId(), first.storeId(), total,
                    first.price().currencyCode()));
            orderIds.add(orderId);
        }
        if (fromCart) {
            cart.removeAll(buyer.accountId(), List.copyOf(quantities.keySet()));
        }
        return new Placed(checkoutId, orders.load(orderIds));
    }

    @Override
    @Transactional
    public List<OrderView> pay(Actor buyer, long checkoutId) {
        DefaultCart.requireBuyer(buyer);
        Long owner = jdbc.sql("SELECT buyer_id FROM ordering.checkouts WHERE id = ?").param(checkoutId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("Checkout " + checkoutId + " does not exist"));
        if (owner != buyer.accountId()) {
            throw new io.mercato.platform.ForbiddenException("Checkout " + checkoutId + " is not yours");
        }
        List<Long> unpaid = jdbc.sql("SELECT id FROM ordering.orders WHERE checkout_id = ? AND status = 'AWAITING_PAYMENT' ORDER BY id")
                .param(checkoutId).query(Long.class).list();
        if (unpaid.isEmpty()) {
            throw new ConflictException("Checkout " + checkoutId + " has no orders awaiting payment");
        }
        return unpaid.stream().map(orderId -> lifecycle.pay(buyer, orderId)).toList();
    }

    @Override
    public List<OrderView> orders(Actor buyer, long checkoutId) {
        DefaultCart.requireBuyer(buyer);
        Long owner = jdbc.sql("SELECT buyer_id FROM ordering.checkouts WHERE id = ?").param(checkoutId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("Checkout " + checkoutId + " does not exist"));
        if (owner != buyer.accountId()) {
            throw new io.mercato.platform.ForbiddenException("Checkout " + checkoutId + " is not yours");
        }
        return orders.load(jdbc.sql("SELECT id FROM ordering.orders WHERE checkout_id = ? ORDER BY id")
                .param(checkoutId).query(Long.class).list());
    }

    private record Priced(SaleableSku sku, long quantity) {
    }
}
