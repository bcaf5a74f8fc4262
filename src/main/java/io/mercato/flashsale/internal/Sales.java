package io.mercato.flashsale.internal;

import io.mercato.flashsale.FlashClaim;
import io.mercato.flashsale.FlashSale;
import io.mercato.flashsale.FlashSales.Tally;
import io.mercato.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of the {@code flashsale} tables but the admission batch's own statements. */
@Repository
class Sales {

    static final String COLUMNS = "id, name, sku_id, product_id, store_id, seller_id, title, price_minor, "
            + "list_price_minor, currency, quantity, sold, per_buyer_limit, starts_at, ends_at, cancelled_at, promotion_id";
    static final String CLAIM_COLUMNS = "id, sale_id, buyer_id, quantity, status, order_id, claimed_at";

    private final JdbcClient jdbc;

    Sales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A sale as stored; the view's status is derived with a clock. */
    record Row(long id, String name, long skuId, long productId, long storeId, long sellerId, String title,
            Money price, Money listPrice, long quantity, long sold, int perBuyerLimit, Instant startsAt,
            Instant endsAt, @org.jspecify.annotations.Nullable Instant cancelledAt, long promotionId) {

        /** A sale as scheduled, before it is stored. */
        Row(long id, String name, long skuId, long productId, long storeId, long sellerId, String title, Money price,
                Money listPrice, long quantity, long sold, int perBuyerLimit, Instant startsAt, Instant endsAt) {
            this(id, name, skuId, productId, storeId, sellerId, title, price, listPrice, quantity, sold, perBuyerLimit,
                    startsAt, endsAt, null, 0);
        }

        FlashSale view(Instant now) {
            return new FlashSale(id, name, skuId, productId, storeId, title, price, listPrice, quantity, sold,
                    perBuyerLimit, startsAt, endsAt, cancelledAt != null ? FlashSale.Status.CANCELLED
                            : FlashSale.Status.at(now, startsAt, endsAt, quantity - sold));
        }
    }

    long insert(Row row, long promotionId, String createdBy, Instant now) {
        return jdbc.sql("""
                INSERT INTO flashsale.sales (name, sku_id, product_id, store_id, seller_id, title, price_minor,
                    list_price_minor, currency, quantity, per_buyer_limit, starts_at, ends_at, promotion_id, created_by,
                    created_at)
                VALUES (:name, :sku, :product, :store, :seller, :title, :price, :list, :currency, :quantity, :limit,
                    :starts, :ends, :promotion, :by, :now) RETURNING id""")
                .param("name", row.name()).param("sku", row.skuId()).param("product", row.productId())
                .param("store", row.storeId()).param("seller", row.sellerId()).param("title", row.title())
                .param("price", row.price().minor()).param("list", row.listPrice().minor())
                .param("currency", row.price().currency().getCurrencyCode()).param("quantity", row.quantity())
                .param("limit", row.perBuyerLimit()).param("starts", Timestamp.from(row.startsAt()))
                .param("ends", Timestamp.from(row.endsAt())).param("promotion", promotionId).param("by", createdBy)
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Serialises the scheduling of sales of one SKU, so that two overlapping ones cannot both pass the check. */
    void lockSku(long skuId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('flashsale.sku'), ?)").param((int) skuId)
                .query((rs, n) -> 1).list();
    }

    boolean overlaps(long skuId, Instant startsAt, Instant endsAt) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM flashsale.sales WHERE sku_id = ? AND starts_at < ? AND ends_at > ? "
                        + "AND cancelled_at IS NULL)")
                .params(skuId, Timestamp.from(endsAt), Timestamp.from(startsAt)).query(Boolean.class).single();
    }

    Optional<Row> find(long saleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flashsale.sales WHERE id = ?").param(saleId)
                .query((rs, n) -> row(rs)).optional();
    }

    List<Row> notEndedAt(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flashsale.sales WHERE ends_at > ? AND cancelled_at IS NULL "
                        + "ORDER BY starts_at, id LIMIT ?")
                .params(Timestamp.from(now), limit).query((rs, n) -> row(rs)).list();
    }

    List<Row> ofSeller(@org.jspecify.annotations.Nullable Long sellerId, int limit) {
        if (sellerId == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM flashsale.sales ORDER BY id DESC LIMIT ?").param(limit)
                    .query((rs, n) -> row(rs)).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM flashsale.sales WHERE seller_id = ? ORDER BY id DESC LIMIT ?")
                .params(sellerId, limit).query((rs, n) -> row(rs)).list();
    }

    /** The sales running at {@code now} on any of the SKUs: SKU → sale. */
    List<Row> runningOn(Collection<Long> skuIds, Instant now) {
        return jdbc.sql("""
                SELECT %s FROM flashsale.sales WHERE sku_id = ANY(?) AND starts_at <= ? AND ends_at > ?
                  AND cancelled_at IS NULL""".formatted(COLUMNS))
                .params(skuIds.toArray(Long[]::new), Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> row(rs)).list();
    }

    List<FlashClaim> claimsOf(long buyerId, long saleId) {
        return jdbc.sql("SELECT " + CLAIM_COLUMNS + " FROM flashsale.claims WHERE buyer_id = ? AND sale_id = ? ORDER BY id")
                .params(buyerId, saleId).query((rs, n) -> claim(rs)).list();
    }

    /** Locks the sale's row (the lock every admission group takes first) and reads it. */
    Optional<Row> lock(long saleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flashsale.sales WHERE id = ? FOR UPDATE").param(saleId)
                .query((rs, n) -> row(rs)).optional();
    }

    void cancel(long saleId, Instant now) {
        jdbc.sql("UPDATE flashsale.sales SET cancelled_at = ? WHERE id = ?").params(Timestamp.from(now), saleId).update();
    }

    /** Whether the claim is the buyer's, still waiting for its order, for exactly this SKU and quantity. */
    boolean claimAwaitsOrder(long claimId, long buyerId, long skuId, long quantity) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM flashsale.claims c JOIN flashsale.sales s ON s.id = c.sale_id
                  WHERE c.id = ? AND c.buyer_id = ? AND s.sku_id = ? AND c.quantity = ? AND c.status = 'WON')""")
                .params(claimId, buyerId, skuId, quantity).query(Boolean.class).single();
    }

    /** When the claim was won, if it is the buyer's, still waiting for its order, for exactly this SKU and quantity. */
    Optional<Instant> wonAt(long claimId, long buyerId, long skuId, long quantity) {
        return jdbc.sql("""
                SELECT c.claimed_at FROM flashsale.claims c JOIN flashsale.sales s ON s.id = c.sale_id
                WHERE c.id = ? AND c.buyer_id = ? AND s.sku_id = ? AND c.quantity = ? AND c.status = 'WON'""")
                .params(claimId, buyerId, skuId, quantity).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    Tally tally(long saleId) {
        return jdbc.sql("""
                SELECT s.id, s.quantity, s.sold,
                       coalesce(sum(c.quantity) FILTER (WHERE c.status IN ('WON', 'ORDERED')), 0) AS held,
                       count(c.id) FILTER (WHERE c.status = 'WON') AS won,
                       count(c.id) FILTER (WHERE c.status = 'ORDERED') AS ordered,
                       count(c.id) FILTER (WHERE c.status = 'RETURNED') AS returned,
                       count(c.id) FILTER (WHERE c.status = 'FAILED') AS failed
                FROM flashsale.sales s LEFT JOIN flashsale.claims c ON c.sale_id = s.id
                WHERE s.id = ? GROUP BY s.id""")
                .param(saleId)
                .query((rs, n) -> new Tally(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8))).single();
    }

    /** Units of a claim go back on sale: the sale's count and the buyer's both fall. Sale row first, as admission. */
    void giveBack(long saleId, long buyerId, long quantity) {
        jdbc.sql("UPDATE flashsale.sales SET sold = sold - ? WHERE id = ?").params(quantity, saleId).update();
        jdbc.sql("UPDATE flashsale.buyer_counts SET quantity = quantity - ? WHERE sale_id = ? AND buyer_id = ?")
                .params(quantity, saleId, buyerId).update();
    }

    static Row row(ResultSet rs) throws SQLException {
        java.util.Currency currency = java.util.Currency.getInstance(rs.getString("currency").strip());
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getLong("sku_id"), rs.getLong("product_id"),
                rs.getLong("store_id"), rs.getLong("seller_id"), rs.getString("title"),
                new Money(rs.getLong("price_minor"), currency), new Money(rs.getLong("list_price_minor"), currency),
                rs.getLong("quantity"), rs.getLong("sold"), rs.getInt("per_buyer_limit"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant(),
                rs.getLong("promotion_id"));
    }

    static FlashClaim claim(ResultSet rs) throws SQLException {
        long order = rs.getLong("order_id");
        return new FlashClaim(rs.getLong("id"), rs.getLong("sale_id"), rs.getLong("buyer_id"), rs.getLong("quantity"),
                FlashClaim.Status.valueOf(rs.getString("status")), rs.wasNull() ? null : order,
                rs.getTimestamp("claimed_at").toInstant());
    }
}
