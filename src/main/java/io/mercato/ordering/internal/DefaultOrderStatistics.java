package io.mercato.ordering.internal;

import io.mercato.ordering.OrderStatistics;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
class DefaultOrderStatistics implements OrderStatistics {

    private final Orders orders;

    DefaultOrderStatistics(Orders orders) {
        this.orders = orders;
    }

    @Override
    public List<DailySales> dailySales(@Nullable Long sellerAccountId, @Nullable Long storeId, LocalDate from,
            LocalDate to, ZoneId zone) {
        return orders.dailySales(sellerAccountId, storeId, from, to, zone);
    }

    @Override
    public List<DailySales> dailySalesOfSkus(java.util.Collection<Long> skuIds, LocalDate from, LocalDate to,
            ZoneId zone) {
        if (skuIds.isEmpty()) {
            return List.of();
        }
        if (skuIds.size() > 10_000) {
            throw new IllegalArgumentException("At most 10,000 SKUs per query, got " + skuIds.size());
        }
        return orders.dailySalesOfSkus(skuIds, from, to, zone);
    }

    @Override
    public java.util.Map<String, Long> platformFundedOfSkus(java.util.Collection<Long> skuIds, LocalDate from,
            LocalDate to, ZoneId zone) {
        if (skuIds.isEmpty()) {
            return java.util.Map.of();
        }
        if (skuIds.size() > 10_000) {
            throw new IllegalArgumentException("At most 10,000 SKUs per query, got " + skuIds.size());
        }
        return orders.platformFundedOfSkus(skuIds, from, to, zone);
    }
}
