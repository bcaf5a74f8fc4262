package io.mercato.search.internal;

import io.mercato.catalog.ProductChanged;
import io.mercato.inventory.StockChanged;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.ordering.OrderEvents.PaidLine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index current. Product and stock changes are handled after the publishing transaction commits and are
 * recorded in the event publication registry, so delivery is at least once; each handler re-reads the product's
 * current state and overwrites its document, so a repeated or late delivery does no harm. Sales are different: they
 * come with every order, so they are appended in the paying transaction (exactly once, no registry row) and folded
 * into the index in batches.
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

    /**
     * Counts the order's units in the paying transaction itself: an append to {@code search.sales_log}, so the sale
     * is counted exactly when the payment commits, with no registry publication or second transaction per order and
     * no lock on a per-product row. {@link SalesRefresh} folds the log into the sales totals and the index in batches.
     */
    @EventListener
    void on(OrderPaid event) {
        Map<Long, Long> units = new TreeMap<>();
        for (PaidLine line : event.lines()) {
            units.merge(line.productId(), line.quantity(), Long::sum);
        }
        jdbc.sql("INSERT INTO search.sales_log (product_id, units) SELECT * FROM unnest(?::bigint[], ?::bigint[])")
                .params(units.keySet().toArray(Long[]::new), units.values().toArray(Long[]::new)).update();
    }
}
