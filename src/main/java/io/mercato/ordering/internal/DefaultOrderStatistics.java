package io.mercato.ordering.internal;

import io.mercato.ordering.OrderStatistics;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class DefaultOrderStatistics implements OrderStatistics {

    private final JdbcClient jdbc;

    DefaultOrderStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DailySales> dailySales(@Nullable Long sellerAccountId, @Nullable Long storeId, LocalDate from,
            LocalDate to, ZoneId zone) {
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
                .param("seller", sellerAccountId, java.sql.Types.BIGINT)
                .param("store", storeId, java.sql.Types.BIGINT)
                .query((rs, n) -> new DailySales(rs.getObject(1, LocalDate.class), rs.getString(2).strip(),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }
}
