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
}
