package io.mercato.pricing.internal;

import io.mercato.platform.Money;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Promotions.SkuPromotion;
import io.mercato.pricing.Promotions.Threshold;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's copy of the promotions in force or still to come, which the engine reads without a query. Every
 * change bumps {@code pricing.version} in its transaction; this instance reloads right after its own commits, and
 * polls the version every {@code mercato.pricing.snapshot-poll} (1 s) to see other instances' changes.
 */
@Component
final class PromotionSnapshots {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile PromotionSnapshot current;

    PromotionSnapshots(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.current = PromotionSnapshot.EMPTY_UNLOADED;
    }

    PromotionSnapshot current() {
        PromotionSnapshot snapshot = current;
        if (snapshot.version() < 0) {
            refresh();
            snapshot = current;
        }
        return snapshot;
    }

    @Scheduled(fixedDelayString = "${mercato.pricing.snapshot-poll:1s}", initialDelayString = "${mercato.pricing.snapshot-poll:1s}")
    void poll() {
        long version = jdbc.sql("SELECT version FROM pricing.version WHERE id = 1").query(Long.class).single();
        if (version != current.version()) {
            refresh();
        }
    }

    /** Reloads everything not ended more than a day ago; readers keep the snapshot they hold. */
    synchronized void refresh() {
        long version = jdbc.sql("SELECT version FROM pricing.version WHERE id = 1").query(Long.class).single();
        var since = java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
        Map<Long, List<SkuPromotion>> bySku = new HashMap<>();
        jdbc.sql("""
                SELECT id, kind, name, store_id, sku_id, price_minor, currency, percent_bp, starts_at, ends_at, ended_at
                FROM pricing.sku_promotions WHERE ended_at IS NULL AND ends_at > ? ORDER BY id""")
                .param(since).query((rs, n) -> DefaultPromotions.skuPromotion(rs)).list()
                .forEach(p -> bySku.computeIfAbsent(p.skuId(), k -> new ArrayList<>()).add(p));
        List<Threshold> thresholds = jdbc.sql("""
                SELECT id, name, step_minor, off_minor, cap_minor, currency, festival_id, starts_at, ends_at, ended_at
                FROM pricing.thresholds WHERE ended_at IS NULL AND ends_at > ? ORDER BY id""")
                .param(since).query((rs, n) -> DefaultPromotions.threshold(rs)).list();
        Map<Long, List<SkuPromotion>> frozen = new HashMap<>();
        bySku.forEach((sku, list) -> frozen.put(sku, List.copyOf(list)));
        current = new PromotionSnapshot(version, Map.copyOf(frozen), thresholds);
    }

    static boolean sameCurrency(Money a, Money b) {
        return a.currency().equals(b.currency());
    }

    static boolean isSkuLevel(AdjustmentKind kind) {
        return kind == AdjustmentKind.FLASH_SALE || kind == AdjustmentKind.LIMITED_TIME
                || kind == AdjustmentKind.SUBSIDY || kind == AdjustmentKind.MEMBER_PRICE;
    }
}
