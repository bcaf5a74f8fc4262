package io.mercato.ads.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.PaidLine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes paid orders to ad clicks: a line for a product whose ad the same buyer clicked within {@link #WINDOW}
 * before the payment goes to that buyer's last such click, once per order and product. The line's GMV is the whole
 * order total for a one-line order; for an order of several lines, the SKU's price times the quantity (the order's
 * event does not carry line values), capped at the order total.
 */
@Component
class Attribution {

    static final Duration WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Interests interests;
    private final EngineSync engine;
    private final Clock clock;

    Attribution(JdbcClient jdbc, Catalog catalog, Interests interests, EngineSync engine, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.interests = interests;
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional
    void attribute(OrderPaid order) {
        Instant paidAt = clock.instant();
        Map<Long, Product> products = catalog.products(order.lines().stream().map(PaidLine::productId).distinct().toList())
                .stream().collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> a));
        for (PaidLine line : order.lines()) {
            Product product = products.get(line.productId());
            if (product != null) {
                interests.bought(order.buyerAccountId(), product.categoryId(), paidAt);
            }
            record Click(long id, long campaignId) {
            }
            Optional<Click> last = jdbc.sql("""
                    SELECT id, campaign_id FROM ads.clicks WHERE buyer_account_id = ? AND product_id = ? AND at > ? AND at <= ?
                    ORDER BY at DESC, id DESC LIMIT 1""")
                    .params(order.buyerAccountId(), line.productId(), Timestamp.from(paidAt.minus(WINDOW)),
                            Timestamp.from(paidAt))
                    .query((rs, n) -> new Click(rs.getLong(1), rs.getLong(2))).optional();
            if (last.isEmpty()) {
                continue;
            }
            long gmv = gmv(order, line, product);
            int inserted = jdbc.sql("""
                    INSERT INTO ads.conversions (order_id, product_id, click_id, campaign_id, gmv_minor, at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, product_id) DO NOTHING""")
                    .params(order.orderId(), line.productId(), last.get().id(), last.get().campaignId(), gmv,
                            Timestamp.from(paidAt))
                    .update();
            if (inserted == 1) {
                engine.convertedAfterCommit(last.get().campaignId(), gmv, paidAt);
            }
        }
    }

    private static long gmv(OrderPaid order, PaidLine line, Product product) {
        long total = order.total().minor();
        if (order.lines().size() == 1 || product == null) {
            return order.lines().size() == 1 ? total : 0;
        }
        long price = product.skus().stream().filter(sku -> sku.id() == line.skuId()).mapToLong(Sku::priceMinor)
                .findFirst().orElse(0);
        return Math.min(total, Math.multiplyExact(price, line.quantity()));
    }
}
