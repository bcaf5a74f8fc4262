package io.mercato.assistant.internal;

import io.mercato.assistant.CustomerService.Handover;
import io.mercato.platform.Actor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Questions the assistant could not answer, passed to the store they concern. */
@Component
final class Handovers {

    private final JdbcClient jdbc;
    private final Clock clock;

    Handovers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(Actor buyer, @Nullable Long storeId, @Nullable Long orderId, String question) {
        jdbc.sql("""
                INSERT INTO assistant.handovers (buyer_account_id, store_id, order_id, question, handed_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(buyer.accountId(), storeId, orderId, question, Timestamp.from(clock.instant())).update();
    }

    /** Of these stores (all when null), newest first. */
    List<Handover> of(@Nullable Collection<Long> storeIds, int limit) {
        if (storeIds != null && storeIds.isEmpty()) {
            return List.of();
        }
        String where = storeIds == null ? "" : "WHERE store_id = ANY (?) ";
        var statement = jdbc.sql("""
                SELECT id, buyer_account_id, store_id, order_id, question, handed_at FROM assistant.handovers
                """ + where + "ORDER BY handed_at DESC, id DESC LIMIT " + limit);
        if (storeIds != null) {
            statement = statement.param(storeIds.toArray(Long[]::new));
        }
        return statement.query((rs, n) -> new Handover(rs.getLong(1), rs.getLong(2),
                rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getString(5),
                rs.getTimestamp(6).toInstant())).list();
    }
}
