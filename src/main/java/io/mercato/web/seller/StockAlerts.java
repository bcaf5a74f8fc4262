package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Low-stock alerts: the threshold a seller sets per SKU, and the SKUs of the seller's stores whose available units
 * are at or below theirs. Not final: as a {@code @Repository} it is proxied for exception translation.
 */
@Repository
public class StockAlerts {

    static final long MAX_THRESHOLD = 1_000_000;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Stores stores;
    private final StockLedger stock;
    private final Clock clock;

    StockAlerts(JdbcClient jdbc, Catalog catalog, Stores stores, StockLedger stock, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
        this.clock = clock;
    }

    /** A SKU at or below its threshold. */
    public record Alert(long skuId, long storeId, long threshold, long available) {
    }

    /**
     * Sets (or, with null, clears) the threshold of a SKU of the seller's stores.
     *
     * @throws io.mercato.platform.ForbiddenException when the SKU is not of the seller's stores
     * @throws InvalidInputException naming {@code threshold} when it is negative or absurdly large
     */
    public void setThreshold(Actor seller, long skuId, @Nullable Long threshold) {
        long storeId = catalog.requireSkuManagedBy(seller, skuId);
        if (threshold == null) {
            jdbc.sql("DELETE FROM web.stock_thresholds WHERE sku_id = ?").param(skuId).update();
            return;
        }
        if (threshold < 0 || threshold > MAX_THRESHOLD) {
            throw new InvalidInputException("threshold", Text.of("workbench.threshold.range", MAX_THRESHOLD));
        }
        jdbc.sql("""
                INSERT INTO web.stock_thresholds (sku_id, store_id, threshold, set_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (sku_id) DO UPDATE SET threshold = EXCLUDED.threshold, set_at = EXCLUDED.set_at""")
                .params(skuId, storeId, threshold, Timestamp.from(clock.instant())).update();
    }

    /** The thresholds of these SKUs that have one. */
    public Map<Long, Long> thresholds(List<Long> skuIds) {
        Map<Long, Long> found = new HashMap<>();
        if (!skuIds.isEmpty()) {
            jdbc.sql("SELECT sku_id, threshold FROM web.stock_thresholds WHERE sku_id = ANY(?)")
                    .param(skuIds.toArray(Long[]::new))
                    .query((rs, n) -> found.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return found;
    }

    /** The SKUs of the seller's stores at or below their threshold, fewest available first. */
    public List<Alert> alerts(Actor seller) {
        List<Long> storeIds = stores.ownedBy(seller.accountId()).stream().map(Store::id).toList();
        if (storeIds.isEmpty()) {
            return List.of();
        }
        record Row(long skuId, long storeId, long threshold) {
        }
        List<Row> rows = jdbc.sql("SELECT sku_id, store_id, threshold FROM web.stock_thresholds WHERE store_id = ANY(?)")
                .param(storeIds.toArray(Long[]::new))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        Map<Long, Stock> levels = stock.stock(rows.stream().map(Row::skuId).toList());
        List<Alert> alerts = new ArrayList<>();
        for (Row row : rows) {
            Stock level = levels.get(row.skuId());
            long available = level == null ? 0 : level.available();
            if (available <= row.threshold()) {
                alerts.add(new Alert(row.skuId(), row.storeId(), row.threshold(), available));
            }
        }
        alerts.sort(Comparator.comparingLong(Alert::available).thenComparingLong(Alert::skuId));
        return alerts;
    }
}
