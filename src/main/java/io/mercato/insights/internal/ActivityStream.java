package io.mercato.insights.internal;

import io.mercato.insights.Activity;
import io.mercato.insights.ActivityKind;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity stream, buffered: recording adds to a counter per visitor and day in memory; {@link #flush()} writes
 * the buffer in one statement (the visitor-day and visitor-month rows that are new, and the day's and month's
 * totals). When the buffer holds more than {@code mercato.insights.activity-buffer} visitor-days, a flush starts on a
 * virtual thread, so the page that tipped it does not wait either.
 */
@Component
class ActivityStream implements Activity {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final int limit;
    private final AtomicBoolean flushing = new AtomicBoolean();
    private volatile ConcurrentHashMap<Key, AtomicLongArray> buffer = new ConcurrentHashMap<>();

    ActivityStream(JdbcClient jdbc, Clock clock, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone,
            @Value("${mercato.insights.activity-buffer:50000}") int limit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.limit = limit;
    }

    @Override
    public void record(String visitor, ActivityKind kind) {
        if (visitor.isBlank()) {
            return;
        }
        String id = visitor.length() > 64 ? visitor.substring(0, 64) : visitor;
        Map<Key, AtomicLongArray> current = buffer;
        current.computeIfAbsent(new Key(LocalDate.ofInstant(clock.instant(), zone), id),
                k -> new AtomicLongArray(ActivityKind.values().length)).incrementAndGet(kind.ordinal());
        if (current.size() > limit && flushing.compareAndSet(false, true)) {
            Thread.startVirtualThread(() -> {
                try {
                    flush();
                } finally {
                    flushing.set(false);
                }
            });
        }
    }

    @Override
    public synchronized int flush() {
        ConcurrentHashMap<Key, AtomicLongArray> taken = buffer;
        if (taken.isEmpty()) {
            return 0;
        }
        buffer = new ConcurrentHashMap<>();
        List<Date> days = new ArrayList<>();
        List<String> visitors = new ArrayList<>();
        long[][] counts = new long[ActivityKind.values().length][taken.size()];
        int i = 0;
        for (Map.Entry<Key, AtomicLongArray> entry : taken.entrySet()) {
            days.add(Date.valueOf(entry.getKey().day()));
            visitors.add(entry.getKey().visitor());
            for (int k = 0; k < counts.length; k++) {
                counts[k][i] = entry.getValue().get(k);
            }
            i++;
        }
        jdbc.sql("""
                WITH input AS (
                    SELECT * FROM unnest(CAST(:days AS date[]), CAST(:visitors AS text[]), CAST(:visits AS bigint[]),
                                         CAST(:searches AS bigint[]), CAST(:views AS bigint[]), CAST(:carts AS bigint[]))
                        AS t(day, visitor, visits, searches, views, carts)),
                new_days AS (
                    INSERT INTO insights.visitor_days (day, visitor) SELECT day, visitor FROM input
                    ON CONFLICT DO NOTHING RETURNING day),
                new_months AS (
                    INSERT INTO insights.visitor_months (month, visitor)
                    SELECT DISTINCT date_trunc('month', day)::date, visitor FROM input
                    ON CONFLICT DO NOTHING RETURNING month),
                months AS (
                    INSERT INTO insights.monthly_visitors AS m (month, visitors)
                    SELECT month, count(*) FROM new_months GROUP BY month
                    ON CONFLICT (month) DO UPDATE SET visitors = m.visitors + EXCLUDED.visitors),
                per_day AS (
                    SELECT day, sum(visits) AS visits, sum(searches) AS searches, sum(views) AS views, sum(carts) AS carts
                    FROM input GROUP BY day)
                INSERT INTO insights.daily_activity AS a (day, visitors, visits, searches, views, carts)
                SELECT p.day, (SELECT count(*) FROM new_days n WHERE n.day = p.day), p.visits, p.searches, p.views, p.carts
                FROM per_day p
                ON CONFLICT (day) DO UPDATE SET visitors = a.visitors + EXCLUDED.visitors, visits = a.visits + EXCLUDED.visits,
                    searches = a.searches + EXCLUDED.searches, views = a.views + EXCLUDED.views,
                    carts = a.carts + EXCLUDED.carts""")
                .param("days", days.toArray(Date[]::new))
                .param("visitors", visitors.toArray(String[]::new))
                .param("visits", boxed(counts[ActivityKind.VISIT.ordinal()]))
                .param("searches", boxed(counts[ActivityKind.SEARCH.ordinal()]))
                .param("views", boxed(counts[ActivityKind.VIEW.ordinal()]))
                .param("carts", boxed(counts[ActivityKind.CART.ordinal()]))
                .update();
        return taken.size();
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private record Key(LocalDate day, String visitor) {
    }
}
