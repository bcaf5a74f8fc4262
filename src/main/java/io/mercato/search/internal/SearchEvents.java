package io.mercato.search.internal;

import io.mercato.catalog.ProductChanged;
import io.mercato.inventory.StockChanged;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.PaidLine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index current. Each listener runs after the publishing transaction commits and is recorded in
 * the event publication registry, so delivery is at least once; each handler re-reads the product's current
 * state and overwrites its document, so a repeated or late delivery does no harm.
 */
@Component
class SearchEvents {

    private final SearchIndex index;
    private final ChangeFeed feed;
    private final JdbcClient jdbc;

    SearchEvents(SearchIndex index, ChangeFeed feed, JdbcClient jdbc) {
        this.index = index;
        this.feed = feed;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ProductChanged event) {
        changed(List.of(event.productId()));
    }

    @ApplicationModuleListener
    void on(StockChanged event) {
        Long productId = index.productOfSku(event.skuId());
        if (productId != null) {
            changed(List.of(productId));
        }
    }

    /** Tells the other instances (through the change log, in this transaction) and updates this one's index. */
    private void changed(List<Long> productIds) {
        feed.record(productIds);
        index.update(productIds);
    }

    /** Counts the order's units once (the order id guards redelivery); {@link SalesRefresh} takes them to the index. */
    @ApplicationModuleListener
    void on(OrderPaid event) {
        int first = jdbc.sql("INSERT INTO search.counted_orders (order_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(event.orderId()).update();
        Map<Long, Long> units = new TreeMap<>();
        for (PaidLine line : event.lines()) {
            units.merge(line.productId(), line.quantity(), Long::sum);
        }
        if (first == 1) {
            units.forEach((product, quantity) -> jdbc.sql("""
                    INSERT INTO search.product_sales (product_id, units, changed_at) VALUES (?, ?, clock_timestamp())
                    ON CONFLICT (product_id) DO UPDATE
                    SET units = search.product_sales.units + EXCLUDED.units, changed_at = clock_timestamp()""")
                    .params(product, quantity).update());
        }
        // The index picks sales up in batches (SalesRefresh): reindexing per paid order would cost every
        // checkout a document rebuild and an index commit.
    }
}
