package io.mercato.inventory.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SkuCreated;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockChanged;
import io.mercato.inventory.StockLedger;
import io.mercato.inventory.StockLine;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultStockLedger implements StockLedger {

    static final long MAX_ON_HAND = 10_000_000;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    DefaultStockLedger(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    /** Runs inside the transaction that creates the SKU, so a SKU never exists without its stock record. */
    @EventListener
    void on(SkuCreated event) {
        jdbc.sql("INSERT INTO inventory.stock (sku_id, store_id, on_hand, reserved) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")
                .params(event.skuId(), event.storeId(), event.initialStock()).update();
    }

    @Override
    public Stock stock(long skuId) {
        return jdbc.sql("SELECT sku_id, on_hand, reserved FROM inventory.stock WHERE sku_id = ?").param(skuId)
                .query((rs, n) -> stock(rs)).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("inventory.skuHasNoStockRecord", skuId)));
    }

    @Override
    public Map<Long, Stock> stock(Collection<Long> skuIds) {
        Map<Long, Stock> result = new HashMap<>();
        if (skuIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT sku_id, on_hand, reserved FROM inventory.stock WHERE sku_id = ANY(?)")
                .param(skuIds.toArray(Long[]::new))
                .query((rs, n) -> stock(rs)).list().forEach(stock -> result.put(stock.skuId(), stock));
        return result;
    }

    @Override
    @Transactional
    public Stock setOnHand(Actor actor, long skuId, long onHand) {
        catalog.requireSkuManagedBy(actor, skuId);
        if (onHand < 0 || onHand > MAX_ON_HAND) {
            throw new InvalidInputException("onHand", Text.of("inventory.stockHandMustBetweenGot", MAX_ON_HAND, onHand));
        }
        int updated = jdbc.sql("UPDATE inventory.stock SET on_hand = ? WHERE sku_id = ? AND reserved <= ?")
                .params(onHand, skuId, onHand).update();
        if (updated == 0) {
            Stock current = stock(skuId);
            throw new ConflictException(Text.of("inventory.skuHasUnitsReservedUnpaid", skuId, current.reserved(), onHand));
        }
        Stock stock = stock(skuId);
        events.publishEvent(new StockChanged(skuId, stock.available()));
        return stock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(long orderId, List<StockLine> lines) {
        // A fixed lock order (by SKU) keeps concurrent multi-SKU reservations from deadlocking.
        for (StockLine line : lines.stream().sorted(Comparator.comparingLong(StockLine::skuId)).toList()) {
            // The stock row and the order's reservation in one statement: no reservation without the units.
            Long left = jdbc.sql("""
                    WITH held AS (
                        UPDATE inventory.stock SET reserved = reserved + :quantity
                        WHERE sku_id = :sku AND on_hand - reserved >= :quantity RETURNING on_hand - reserved AS available),
                    reservation AS (
                        INSERT INTO inventory.reservations (order_id, sku_id, quantity, status)
                        SELECT :order, :sku, :quantity, 'RESERVED' FROM held
                        ON CONFLICT (order_id, sku_id)
                        DO UPDATE SET quantity = inventory.reservations.quantity + EXCLUDED.quantity)
                    SELECT available FROM held""")
                    .param("quantity", line.quantity()).param("sku", line.skuId()).param("order", orderId)
                    .query(Long.class).optional().orElse(null);
            if (left == null) {
                Stock stock = stock(line.skuId());
                throw new ConflictException(Text.of("inventory.skuHasAvailableRequested", line.skuId(), stock.available(), line.quantity()));
            }
            if (left == 0) {
                events.publishEvent(new StockChanged(line.skuId(), 0));
            }
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void commit(long orderId) {
        // An order of one SKU (most orders) takes its units in the statement that commits its reservation; with
        // several, the stock rows are updated one by one in SKU order, so that two payments cannot deadlock.
        record Committed(StockLine line, boolean taken) {
        }
        List<Committed> committed = jdbc.sql("""
                WITH r AS (
                    UPDATE inventory.reservations SET status = 'COMMITTED' WHERE order_id = ? AND status = 'RESERVED'
                    RETURNING sku_id, quantity),
                one AS (SELECT sku_id, quantity FROM r WHERE (SELECT count(*) FROM r) = 1),
                taken AS (
                    UPDATE inventory.stock s SET on_hand = s.on_hand - one.quantity, reserved = s.reserved - one.quantity
                    FROM one WHERE s.sku_id = one.sku_id RETURNING s.sku_id)
                SELECT r.sku_id, r.quantity, EXISTS (SELECT 1 FROM taken) FROM r""")
                .param(orderId)
                .query((rs, n) -> new Committed(new StockLine(rs.getLong(1), rs.getLong(2)), rs.getBoolean(3))).list();
        for (Committed line : committed.stream().sorted(Comparator.comparingLong(c -> c.line().skuId())).toList()) {
            if (!line.taken()) {
                jdbc.sql("UPDATE inventory.stock SET on_hand = on_hand - ?, reserved = reserved - ? WHERE sku_id = ?")
                        .params(line.line().quantity(), line.line().quantity(), line.line().skuId()).update();
            }
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long orderId) {
        for (StockLine line : take(orderId, "RELEASED")) {
            long available = jdbc.sql("UPDATE inventory.stock SET reserved = reserved - ? WHERE sku_id = ? RETURNING on_hand - reserved")
                    .params(line.quantity(), line.skuId()).query(Long.class).single();
            publishIfBack(line.skuId(), available, line.quantity());
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void restock(long orderId, long skuId, long quantity) {
        int updated = jdbc.sql("""
                UPDATE inventory.reservations SET restocked = restocked + ?
                WHERE order_id = ? AND sku_id = ? AND status = 'COMMITTED' AND restocked + ? <= quantity""")
                .params(quantity, orderId, skuId, quantity).update();
        if (updated == 0) {
            throw new ConflictException(Text.of("inventory.orderDidNotSellMore", orderId, quantity, skuId));
        }
        long available = jdbc.sql("UPDATE inventory.stock SET on_hand = on_hand + ? WHERE sku_id = ? RETURNING on_hand - reserved")
                .params(quantity, skuId).query(Long.class).single();
        publishIfBack(skuId, available, quantity);
    }

    /** A SKU that had nothing available before {@code added} units came back is in stock again. */
    private void publishIfBack(long skuId, long available, long added) {
        if (available == added) {
            events.publishEvent(new StockChanged(skuId, available));
        }
    }

    /** Moves an order's open reservations to {@code status} and returns what moved. */
    private List<StockLine> take(long orderId, String status) {
        return jdbc.sql("""
                UPDATE inventory.reservations SET status = ? WHERE order_id = ? AND status = 'RESERVED'
                RETURNING sku_id, quantity""")
                .params(status, orderId)
                .query((rs, n) -> new StockLine(rs.getLong(1), rs.getLong(2))).list()
                .stream().sorted(Comparator.comparingLong(StockLine::skuId)).toList();
    }

    private static Stock stock(ResultSet rs) throws SQLException {
        return new Stock(rs.getLong("sku_id"), rs.getLong("on_hand"), rs.getLong("reserved"));
    }
}
