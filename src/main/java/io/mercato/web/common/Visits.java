package io.mercato.web.common;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Distinct visitors of product pages, per store and day (in the marketplace's time zone). Not final: as a
 * {@code @Repository} it is proxied for exception translation.
 */
@Repository
public class Visits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Formats formats;

    Visits(JdbcClient jdbc, Clock clock, Formats formats) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.formats = formats;
    }

    public void record(long storeId, String visitor) {
        jdbc.sql("INSERT INTO web.store_visits (store_id, day, visitor) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(storeId, LocalDate.ofInstant(clock.instant(), formats.zone()), visitor).update();
    }

    public Map<LocalDate, Long> perDay(Collection<Long> storeIds, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        if (storeIds.isEmpty()) {
            return perDay;
        }
        jdbc.sql("""
                SELECT day, count(DISTINCT visitor) FROM web.store_visits
                WHERE store_id = ANY(?) AND day BETWEEN ? AND ? GROUP BY day""")
                .params(storeIds.toArray(Long[]::new), from, to)
                .query((rs, n) -> perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        return perDay;
    }
}
