package io.mercato.ordering.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.ordering.Address;
import io.mercato.ordering.OrderStatistics.DailySales;
import io.mercato.ordering.OrderSearch;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.OrderView.Transition;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund.RefundLine;
import io.mercato.ordering.Refund.RefundStatus;
import io.mercato.ordering.Refund;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one repository of the order tables ({@code ordering.checkouts}, {@code orders}, {@code order_lines},
 * {@code order_history}, {@code refunds}, {@code refund_lines}): loads an {@link Order} whole in one
 * statement, writes back only what a transition changed, and answers the module's list and figure queries.
 */
@Repository
class Orders {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the aggregate

    /**
     * Locks the order's row for the rest of the transaction and loads it whole, in one statement.
     *
     * @throws NotFoundException when there is no such order
     */
    Order lock(long orderId) {
        return lockWhere("o.id = ?", orderId)
                .orElseThrow(() -> new NotFoundException(Text.of("ordering.orderDoesNotExist", orderId)));
    }

    /**
     * Locks and loads the order a refund belongs to, in one statement.
     *
     * @throws NotFoundException when there is no such refund
     */
    Order lockOrderOfRefund(long refundId) {
        return lockWhere("o.id = (SELECT r.order_id FROM ordering.refunds r WHERE r.id = ?)", refundId)
                .orElseThrow(() -> new NotFoundException(Text.of("ordering.refundDoesNotExist", refundId)));
    }

    private java.util.Optional<Order> lockWhere(String condition, long id) {
        return jdbc.sql(SELECT_ORDER + " WHERE " + condition + " FOR UPDATE OF o").param(id)
                .query((rs, n) -> Order.of(json.readValue(rs.getString(1), Stored.class))).optional();
    }

    /** A new checkout of the buyer's, which the orders placed in it refer to, with the client's key if any. */
    long addCheckout(long buyerId, Instant at, @Nullable String requestKey) {
        return jdbc.sql("INSERT INTO ordering.checkouts (buyer_id, created_at, request_key) VALUES (?, ?, ?) RETURNING id")
                .params(buyerId, Timestamp.from(at), requestKey).query(Long.class).single();
    }

    /**
     * Holds the buyer's checkouts for the rest of the transaction: a second checkout of the same buyer waits
     * here until the first commits, then sees its cart and keys as the first left them.
     */
    void lockCheckoutsOf(long buyerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('ordering.checkout', ?))").param(buyerId)
                .query((rs, n) -> 1).single();
    }

    /** The buyer's checkout placed with this key, if there is one. */
    java.util.Optional<Long> checkoutWithKey(long buyerId, String requestKey) {
        return jdbc.sql("SELECT id FROM ordering.checkouts WHERE buyer_id = ? AND request_key = ?")
                .params(buyerId, requestKey).query(Long.class).optional();
    }

    /**
     * Writes a newly placed order with its lines and first history entry, and gives it its ids: one statement, whose
     * lines and history entries come as arrays (one round trip however many lines the order has).
     */
    void add(Order order) {
        List<Order.Line> lines = order.lines();
        History history = History.of(order.newHistory());
        record Ids(long orderId, List<Long> lineIds) {
        }
        Ids ids = jdbc.sql("""
                WITH o AS (
                    INSERT INTO ordering.orders (checkout_id, buyer_id, store_id, store_kind, seller_id, status, currency,
                      total_minor, shipping_minor, refunded_minor, address, placed_at, pay_by, buyer_currency,
                      buyer_total_minor, fx_rate, fx_rate_day)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, CAST(? AS jsonb), ?, ?, ?::char(3), ?::bigint, ?::numeric, ?::date)
                    RETURNING id),
                l AS (
                    INSERT INTO ordering.order_lines (order_id, sku_id, product_id, title, attributes, unit_price_minor,
                      quantity, refunded_quantity, pending_refund_quantity, category_id, commission_bp, paid_minor,
                      platform_funded_minor, adjustments)
                    SELECT o.id, x.sku_id, x.product_id, x.title, x.attributes, x.unit_price_minor, x.quantity, 0, 0,
                      x.category_id, x.commission_bp, x.paid_minor, x.platform_funded_minor, x.adjustments
                    FROM o, unnest(?::bigint[], ?::bigint[], ?::text[], ?::jsonb[], ?::bigint[], ?::bigint[], ?::bigint[],
                      ?::int[], ?::bigint[], ?::bigint[], ?::jsonb[]) WITH ORDINALITY AS x(sku_id, product_id, title,
                      attributes, unit_price_minor, quantity, category_id, commission_bp, paid_minor,
                      platform_funded_minor, adjustments, n)
                    ORDER BY x.n RETURNING id),
                h AS (""" + History.INSERT.formatted("o.id", ", o") + """
                )
                SELECT o.id, ARRAY(SELECT id FROM l ORDER BY id) FROM o""")
                .params(order.checkoutId(), order.buyerId(), order.storeId(), order.storeKind().name(), order.sellerId(),
                        order.status().name(), order.currency().getCurrencyCode(), order.total().minor(),
                        order.shipping().minor(), json.writeValueAsString(order.address()), Timestamp.from(order.placedAt()),
                        Timestamp.from(order.payBy()),
                        order.buyerAmount() == null ? null : order.buyerAmount().currency(),
                        order.buyerAmount() == null ? null : order.buyerAmount().totalMinor(),
                        order.buyerAmount() == null ? null : order.buyerAmount().rate(),
                        order.buyerAmount() == null ? null : java.sql.Date.valueOf(order.buyerAmount().rateDay()),
                        lines.stream().map(Order.Line::skuId).toArray(Long[]::new),
                        lines.stream().map(Order.Line::productId).toArray(Long[]::new),
                        lines.stream().map(Order.Line::title).toArray(String[]::new),
                        lines.stream().map(line -> json.writeValueAsString(line.attributes())).toArray(String[]::new),
                        lines.stream().map(Order.Line::unitPriceMinor).toArray(Long[]::new),
                        lines.stream().map(Order.Line::quantity).toArray(Long[]::new),
                        lines.stream().map(Order.Line::categoryId).toArray(Long[]::new),
                        lines.stream().map(Order.Line::commissionBasisPoints).toArray(Integer[]::new),
                        lines.stream().map(Order.Line::paidMinor).toArray(Long[]::new),
                        lines.stream().map(Order.Line::platformFundedMinor).toArray(Long[]::new),
                        lines.stream().map(line -> json.writeValueAsString(line.adjustments())).toArray(String[]::new),
                        history.from(), history.to(), history.actor(), history.at(), history.note())
                .query((rs, n) -> new Ids(rs.getLong(1), List.of((Long[]) rs.getArray(2).getArray()))).single();
        order.assignIds(ids.orderId(), ids.lineIds());
        order.saved();
    }

    /**
     * Writes what the order's transitions changed since it was loaded: its row, new history entries, new and
     * decided refunds, and the lines whose refunded or held quantities moved. The row must be locked.
     */
    /** Writes the cross-border taxes assessed at checkout, once the order was added. */
    void saveTaxes(Order order) {
        Order.Taxes taxes = order.taxes();
        if (taxes == null) {
            return;
        }
        jdbc.sql("""
                UPDATE ordering.orders SET tax_treatment = ?, tax_basis_points = ?, tax_collected_minor = ?, tax_due_minor = ?
                WHERE id = ?""")
                .params(taxes.treatment(), taxes.basisPoints(), taxes.collectedMinor(), taxes.dueMinor(), order.id())
                .update();
    }

    /** Writes what the platform keeps of a settled order after a refund gave part of its fee back. */
    void saveFee(Order order) {
        jdbc.sql("UPDATE ordering.orders SET fee_minor = ? WHERE id = ?")
                .params(order.fee() == null ? null : order.fee().minor(), order.id()).update();
    }

    void save(Order order) {
        History history = History.of(order.newHistory());
        if (order.isChanged()) {
            // The row and the new history entries in one statement.
            jdbc.sql("""
                    WITH o AS (
                        UPDATE ordering.orders SET status = ?, refunded_minor = ?, fee_minor = ?, carrier = ?,
                          tracking_number = ?, paid_at = ?, shipped_at = ?, delivered_at = ?, completed_at = ?,
                          closed_at = ?
                        WHERE id = ? RETURNING id)
                    """ + History.INSERT.formatted("o.id", ", o"))
                    .params(order.status().name(), order.refunded().minor(),
                            order.fee() == null ? null : order.fee().minor(), order.carrier(), order.trackingNumber(),
                            timestamp(order.paidAt()), timestamp(order.shippedAt()), timestamp(order.deliveredAt()),
                            timestamp(order.completedAt()), timestamp(order.closedAt()), order.id(),
                            history.from(), history.to(), history.actor(), history.at(), history.note())
                    .update();
            history = History.of(List.of());
        }
        for (Refund refund : order.newRefunds()) {
            jdbc.sql("""
                    INSERT INTO ordering.refunds (id, order_id, status, return_goods, amount_minor, reason, requested_at,
                      decide_by, decided_at, decided_by, decision_note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(refund.id(), refund.orderId(), refund.status().name(), refund.returnGoods(),
                            refund.amountMinor(), refund.reason(), Timestamp.from(refund.requestedAt()),
                            timestamp(refund.decideBy()), timestamp(refund.decidedAt()), refund.decidedBy(),
                            refund.decisionNote())
                    .update();
            for (RefundLine line : refund.lines()) {
                jdbc.sql("INSERT INTO ordering.refund_lines (refund_id, line_id, quantity, amount_minor) VALUES (?, ?, ?, ?)")
                        .params(refund.id(), line.lineId(), line.quantity(), line.amountMinor()).update();
            }
        }
        for (Refund refund : order.decidedRefunds()) {
            jdbc.sql("UPDATE ordering.refunds SET status = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?")
                    .params(refund.status().name(), timestamp(refund.decidedAt()), refund.decidedBy(),
                            refund.decisionNote(), refund.id())
                    .update();
        }
        for (Order.Line line : order.changedLines()) {
            jdbc.sql("UPDATE ordering.order_lines SET refunded_quantity = ?, pending_refund_quantity = ? WHERE id = ?")
                    .params(line.refundedQuantity(), line.pendingRefundQuantity(), line.id()).update();
        }
        if (history.size() > 0) {
            jdbc.sql(History.INSERT.formatted("?", ""))
                    .params(order.id(), history.from(), history.to(), history.actor(), history.at(), history.note())
                    .update();
        }
        order.saved();
    }

    /** History entries as the column arrays of {@link #INSERT}, which inserts them in their order. */
    private record History(String[] from, String[] to, String[] actor, String[] at, String[] note) {

        /** Formatted with the order id's expression and what joins the row that holds it (or nothing). */
        static final String INSERT = """
                INSERT INTO ordering.order_history (order_id, from_status, to_status, actor, at, note)
                SELECT %s, h.from_status, h.to_status, h.actor, h.at, h.note
                FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]) WITH ORDINALITY
                  AS h(from_status, to_status, actor, at, note, n)%s
                ORDER BY h.n""";

        static History of(List<Transition> entries) {
            return new History(
                    entries.stream().map(entry -> entry.from() == null ? null : entry.from().name()).toArray(String[]::new),
                    entries.stream().map(entry -> entry.to().name()).toArray(String[]::new),
                    entries.stream().map(Transition::actor).toArray(String[]::new),
                    entries.stream().map(entry -> entry.at().toString()).toArray(String[]::new),
                    entries.stream().map(Transition::note).toArray(String[]::new));
        }

        int size() {
            return to.length;
        }
    }

    /** The id the next refund will be written with, so the ledger posting can name it before the row exists. */
    long nextRefundId() {
        return jdbc.sql("SELECT nextval('ordering.refunds_id_seq')").query(Long.class).single();
    }

    // ---- reads

    /**
     * The order as the API shows it.
     *
     * @throws NotFoundException when there is no such order
     */
    OrderView get(long orderId) {
        List<OrderView> found = load(List.of(orderId));
        if (found.isEmpty()) {
            throw new NotFoundException(Text.of("ordering.orderDoesNotExist", orderId));
        }
        return found.getFirst();
    }

    /**
     * Loads orders with their lines, history and refunds in one statement: each order comes back as one JSON
     * document, so a load costs one round trip however much the order holds. Missing ids are left out.
     */
    List<OrderView> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OrderView> byId = new HashMap<>();
        jdbc.sql(SELECT_ORDER + " WHERE o.id = ANY(?)").param(ids.toArray(Long[]::new)).query((RowCallbackHandler) rs -> {
            OrderView order = Order.of(json.readValue(rs.getString(1), Stored.class)).view();
            byId.put(order.id(), order);
        });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * One page of orders, newest first: those of one buyer or seller when the filter names one, then narrowed
     * by store and status where given.
     */
    List<OrderView> find(OrderFilter filter, int page, int size) {
        return load(filtered("SELECT id FROM ordering.orders", filter, " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("limit", size).param("offset", (long) page * size).query(Long.class).list());
    }

    /** How many orders {@link #find} would page through. */
    long count(OrderFilter filter) {
        return filtered("SELECT count(*) FROM ordering.orders", filter, "").query(Long.class).single();
    }

    private JdbcClient.StatementSpec filtered(String select, OrderFilter filter, String tail) {
        return jdbc.sql(select + " " + """
                 WHERE (CAST(:buyer AS BIGINT) IS NULL OR buyer_id = :buyer)
                  AND (CAST(:seller AS BIGINT) IS NULL OR seller_id = :seller)
                  AND (CAST(:store AS BIGINT) IS NULL OR store_id = :store)
                  AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                  AND (CAST(:order AS BIGINT) IS NULL OR id = :order)
                  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR placed_at >= :from)
                  AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR placed_at < :before)
                  AND (CAST(:product AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM ordering.order_lines l
                       WHERE l.order_id = orders.id AND (l.title ILIKE '%' || :pattern || '%'
                            OR CAST(l.product_id AS TEXT) = :product)))""" + tail)
                .param("order", filter.search().orderId(), Types.BIGINT)
                .param("from", timestamp(filter.search().placedFrom()), Types.TIMESTAMP)
                .param("before", timestamp(filter.search().placedBefore()), Types.TIMESTAMP)
                .param("product", filter.search().product(), Types.VARCHAR)
                .param("pattern", filter.search().product() == null ? null : filter.search().product()
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"), Types.VARCHAR)
                .param("buyer", filter.buyerId(), Types.BIGINT)
                .param("seller", filter.sellerId(), Types.BIGINT)
                .param("store", filter.storeId(), Types.BIGINT)
                .param("status", filter.status() == null ? null : filter.status().name(), Types.VARCHAR);
    }

    /** Who may see which orders: the narrowing {@link #find} applies; null means any. */
    record OrderFilter(@Nullable Long buyerId, @Nullable Long sellerId, @Nullable Long storeId,
            @Nullable OrderStatus status, OrderSearch search) {

        OrderFilter(@Nullable Long buyerId, @Nullable Long sellerId, @Nullable Long storeId,
                @Nullable OrderStatus status) {
            this(buyerId, sellerId, storeId, status, OrderSearch.any());
        }
    }

    /** The buyer who made the checkout, if it exists. */
    java.util.Optional<Long> checkoutOwner(long checkoutId) {
        return jdbc.sql("SELECT buyer_id FROM ordering.checkouts WHERE id = ?").param(checkoutId).query(Long.class)
                .optional();
    }

    /** The ids of a checkout's orders, optionally only those awaiting payment, in the order they were placed. */
    List<Long> ordersOfCheckout(long checkoutId, boolean unpaidOnly) {
        return jdbc.sql("""
                SELECT id FROM ordering.orders WHERE checkout_id = ? AND (NOT ? OR status = 'AWAITING_PAYMENT') ORDER BY id""")
                .params(checkoutId, unpaidOnly).query(Long.class).list();
    }

    /** The ids of orders with a return awaiting a decision, of one seller or (null) of all, oldest request first. */
    List<Long> withReturnsToDecide(@Nullable Long sellerId, int limit) {
        return jdbc.sql("""
                SELECT r.order_id FROM ordering.refunds r JOIN ordering.orders o ON o.id = r.order_id
                WHERE r.status = 'REQUESTED' AND (CAST(:seller AS BIGINT) IS NULL OR o.seller_id = :seller)
                GROUP BY r.order_id ORDER BY min(r.requested_at), r.order_id LIMIT :limit""")
                .param("seller", sellerId, Types.BIGINT).param("limit", limit).query(Long.class).list();
    }

    /** How many returns await a decision, of one seller or (null) of all. */
    long countReturnsToDecide(@Nullable Long sellerId) {
        return jdbc.sql("""
                SELECT count(*) FROM ordering.refunds r JOIN ordering.orders o ON o.id = r.order_id
                WHERE r.status = 'REQUESTED' AND (CAST(:seller AS BIGINT) IS NULL OR o.seller_id = :seller)""")
                .param("seller", sellerId, Types.BIGINT).query(Long.class).single();
    }

    // ---- what the timers pick (outside a transaction: SKIP LOCKED leaves an order another instance holds)

    List<Long> unpaidPast(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM ordering.orders WHERE status = 'AWAITING_PAYMENT' AND pay_by <= ?
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(Long.class).list();
    }

    List<Long> returnsUndecidedPast(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM ordering.refunds WHERE status = 'REQUESTED' AND decide_by <= ?
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(Long.class).list();
    }

    List<Long> deliveredUnconfirmedBefore(Instant deliveredBefore, int limit) {
        return jdbc.sql("""
                SELECT o.id FROM ordering.orders o WHERE o.status = 'DELIVERED' AND o.delivered_at <= ?
                AND NOT EXISTS (SELECT 1 FROM ordering.refunds r WHERE r.order_id = o.id AND r.status = 'REQUESTED')
                ORDER BY o.id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(deliveredBefore), limit).query(Long.class).list();
    }

    // ---- figures

    /** GMV and its refunds per day of payment and currency; see {@link io.mercato.ordering.OrderStatistics}. */
    List<DailySales> dailySales(@Nullable Long sellerId, @Nullable Long storeId, LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.sql("""
                SELECT (paid_at AT TIME ZONE :zone)::date AS day, currency, sum(total_minor), sum(refunded_minor),
                       count(*), count(DISTINCT buyer_id)
                FROM ordering.orders
                WHERE paid_at IS NOT NULL AND paid_at >= :from AND paid_at < :to
                  AND (CAST(:seller AS BIGINT) IS NULL OR seller_id = :seller)
                  AND (CAST(:store AS BIGINT) IS NULL OR store_id = :store)
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", zone.getId())
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("seller", sellerId, Types.BIGINT)
                .param("store", storeId, Types.BIGINT)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(2).strip());
                    return new DailySales(rs.getObject(1, LocalDate.class), new Money(rs.getLong(3), currency),
                            new Money(rs.getLong(4), currency), rs.getLong(5), rs.getLong(6));
                })
                .list();
    }

    /** Sales of the lines of these SKUs per day of payment; see {@code OrderStatistics.dailySalesOfSkus}. */
    List<DailySales> dailySalesOfSkus(java.util.Collection<Long> skuIds, LocalDate from, LocalDate to, ZoneId zone) {
        return jdbc.sql("""
                SELECT (o.paid_at AT TIME ZONE :zone)::date AS day, o.currency,
                       sum(l.unit_price_minor * l.quantity), sum(l.unit_price_minor * l.refunded_quantity),
                       count(DISTINCT o.id), count(DISTINCT o.buyer_id)
                FROM ordering.order_lines l JOIN ordering.orders o ON o.id = l.order_id
                WHERE l.sku_id = ANY(:skus) AND o.paid_at IS NOT NULL AND o.paid_at >= :from AND o.paid_at < :to
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", zone.getId())
                .param("skus", skuIds.toArray(Long[]::new))
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(2).strip());
                    return new DailySales(rs.getObject(1, LocalDate.class), new Money(rs.getLong(3), currency),
                            new Money(rs.getLong(4), currency), rs.getLong(5), rs.getLong(6));
                })
                .list();
    }

    /** Platform-funded discounts on the lines of these SKUs in orders paid in the days, per currency. */
    java.util.Map<String, Long> platformFundedOfSkus(java.util.Collection<Long> skuIds, LocalDate from, LocalDate to,
            ZoneId zone) {
        java.util.Map<String, Long> sums = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT o.currency, sum(l.platform_funded_minor)
                FROM ordering.order_lines l JOIN ordering.orders o ON o.id = l.order_id
                WHERE l.sku_id = ANY(:skus) AND o.paid_at IS NOT NULL AND o.paid_at >= :from AND o.paid_at < :to
                GROUP BY 1""")
                .param("skus", skuIds.toArray(Long[]::new))
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sums.put(rs.getString(1).strip(), rs.getLong(2)));
        return sums;
    }

    /** An order as the one-statement load returns it, in the tables' own terms (minor units, one currency). */
    record Stored(long id, long checkoutId, long buyerAccountId, long storeId, StoreKind storeKind, long sellerAccountId,
            OrderStatus status, String currency, long totalMinor, long refundedMinor, @Nullable Long feeMinor,
            Address address, @Nullable String carrier, @Nullable String trackingNumber, Instant placedAt, Instant payBy,
            @Nullable Instant paidAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
            @Nullable Instant completedAt, @Nullable Instant closedAt, List<StoredLine> lines, List<Transition> history,
            List<StoredRefund> refunds, @Nullable Long shippingMinor, @Nullable String buyerCurrency,
            @Nullable Long buyerTotalMinor, java.math.@Nullable BigDecimal fxRate, java.time.@Nullable LocalDate fxRateDay,
            @Nullable String taxTreatment, @Nullable Integer taxBasisPoints, @Nullable Long taxCollectedMinor,
            @Nullable Long taxDueMinor) {
    }

    record StoredLine(long id, long skuId, long productId, String title, Map<String, String> attributes,
            long unitPriceMinor, long quantity, long refundedQuantity, long pendingRefundQuantity, long categoryId,
            int commissionBasisPoints, @Nullable Long paidMinor, @Nullable Long platformFundedMinor,
            @Nullable List<io.mercato.ordering.OrderView.Adjustment> adjustments) {
    }

    record StoredRefund(long id, long orderId, RefundStatus status, boolean returnGoods, long amountMinor, String reason,
            Instant requestedAt, @Nullable Instant decideBy, @Nullable Instant decidedAt, @Nullable String decidedBy,
            @Nullable String decisionNote, List<StoredRefundLine> lines) {
    }

    record StoredRefundLine(long lineId, long quantity, long amountMinor) {
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String utc(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    /** An order with its lines, history and refunds as one JSON document; callers add the WHERE clause. */
    private static final String SELECT_ORDER = """
            SELECT json_build_object(
              'id', o.id, 'checkoutId', o.checkout_id, 'buyerAccountId', o.buyer_id, 'storeId', o.store_id,
              'storeKind', o.store_kind, 'sellerAccountId', o.seller_id, 'status', o.status, 'currency', o.currency,
              'totalMinor', o.total_minor, 'shippingMinor', o.shipping_minor, 'refundedMinor', o.refunded_minor,
              'feeMinor', o.fee_minor, 'buyerCurrency', o.buyer_currency, 'buyerTotalMinor', o.buyer_total_minor,
              'fxRate', o.fx_rate, 'fxRateDay', o.fx_rate_day, 'taxTreatment', o.tax_treatment,
              'taxBasisPoints', o.tax_basis_points, 'taxCollectedMinor', o.tax_collected_minor,
              'taxDueMinor', o.tax_due_minor,
              'address', o.address, 'carrier', o.carrier, 'trackingNumber', o.tracking_number,
              'placedAt', %s, 'payBy', %s, 'paidAt', %s, 'shippedAt', %s, 'deliveredAt', %s, 'completedAt', %s,
              'closedAt', %s,
              'lines', COALESCE((SELECT json_agg(json_build_object('id', l.id, 'skuId', l.sku_id, 'productId', l.product_id,
                  'title', l.title, 'attributes', l.attributes, 'unitPriceMinor', l.unit_price_minor, 'quantity', l.quantity,
                  'refundedQuantity', l.refunded_quantity, 'pendingRefundQuantity', l.pending_refund_quantity,
                  'categoryId', l.category_id, 'commissionBasisPoints', l.commission_bp, 'paidMinor', l.paid_minor,
                  'platformFundedMinor', l.platform_funded_minor, 'adjustments', l.adjustments) ORDER BY l.id)
                FROM ordering.order_lines l WHERE l.order_id = o.id), '[]'),
              'history', COALESCE((SELECT json_agg(json_build_object('from', h.from_status, 'to', h.to_status,
                  'actor', h.actor, 'at', %s, 'note', h.note) ORDER BY h.id)
                FROM ordering.order_history h WHERE h.order_id = o.id), '[]'),
              'refunds', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'orderId', r.order_id, 'status', r.status,
                  'returnGoods', r.return_goods, 'amountMinor', r.amount_minor, 'reason', r.reason,
                  'requestedAt', %s, 'decideBy', %s, 'decidedAt', %s, 'decidedBy', r.decided_by,
                  'decisionNote', r.decision_note,
                  'lines', COALESCE((SELECT json_agg(json_build_object('lineId', rl.line_id, 'quantity', rl.quantity,
                      'amountMinor', rl.amount_minor) ORDER BY rl.line_id)
                    FROM ordering.refund_lines rl WHERE rl.refund_id = r.id), '[]')) ORDER BY r.id)
                FROM ordering.refunds r WHERE r.order_id = o.id), '[]'))::text
            FROM ordering.orders o""".formatted(utc("o.placed_at"), utc("o.pay_by"),
            utc("o.paid_at"), utc("o.shipped_at"), utc("o.delivered_at"), utc("o.completed_at"), utc("o.closed_at"),
            utc("h.at"), utc("r.requested_at"), utc("r.decide_by"), utc("r.decided_at"));
}
