package io.mercato.ordering.internal;

import io.mercato.ordering.SalesFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads orders as plain facts, in id order, for the roll-ups other modules keep. */
@Component
class DefaultSalesFacts implements SalesFacts {

    private static final String COLUMNS = """
            SELECT id, buyer_id, store_id, store_kind, currency, total_minor, refunded_minor, placed_at, paid_at,
                   completed_at, fee_minor
            FROM ordering.orders""";

    private final JdbcClient jdbc;

    DefaultSalesFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrderFact> after(long afterOrderId, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("A page of order facts holds 1 to 10,000 orders, not " + limit);
        }
        return jdbc.sql(COLUMNS + " WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", afterOrderId).param("limit", limit)
                .query(DefaultSalesFacts::fact).list();
    }

    @Override
    public Optional<OrderFact> order(long orderId) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", orderId).query(DefaultSalesFacts::fact).optional();
    }

    private static OrderFact fact(ResultSet rs, int row) throws SQLException {
        long fee = rs.getLong(11);
        Long feeMinor = rs.wasNull() ? null : fee;
        return new OrderFact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5).strip(),
                rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), feeMinor);
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
