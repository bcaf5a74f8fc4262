package io.mercato.insights.internal;

import io.mercato.insights.Insights.Recomputed;
import io.mercato.ordering.SalesFacts;
import io.mercato.ordering.SalesFacts.OrderFact;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds the roll-ups from the sources in one transaction: every order's facts written again under the keys the
 * events use (so later events of the same orders still count once), folded, and the booked figures taken again for
 * every day since the first order. The tables are emptied with {@code TRUNCATE}, so events of new orders wait for it.
 */
@Component
class Recompute {

    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final SalesFacts orders;
    private final RollUp rollUp;
    private final BookedFigures booked;
    private final ZoneId zone;

    Recompute(JdbcClient jdbc, SalesFacts orders, RollUp rollUp, BookedFigures booked,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.rollUp = rollUp;
        this.booked = booked;
        this.zone = ZoneId.of(zone);
    }

    @Transactional
    Recomputed run(LocalDate today) {
        rollUp.lock();
        jdbc.sql("""
                TRUNCATE insights.facts, insights.unfolded, insights.daily_sales, insights.buyers, insights.buyer_months,
                         insights.daily_booked, insights.daily_new_buyers, insights.active_months, insights.cohort_cells""")
                .update();
        long count = 0;
        LocalDate firstDay = today;
        long after = 0;
        while (true) {
            List<OrderFact> page = orders.after(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Batch batch = new Batch();
            for (OrderFact order : page) {
                LocalDate placed = day(order.placedAt());
                firstDay = placed.isBefore(firstDay) ? placed : firstDay;
                batch.add("placed:", "PLACED", order, placed, order.totalMinor(), 1);
                if (order.paidAt() != null) {
                    LocalDate paid = day(order.paidAt());
                    batch.add("paid:", "PAID", order, paid, order.totalMinor(), 1);
                    if (order.refundedMinor() > 0) {
                        batch.add("refunds-of:", "REFUND", order, paid, order.refundedMinor(), 0);
                    }
                }
                if (order.completedAt() != null) {
                    batch.add("revenue:", "REVENUE", order, day(order.completedAt()),
                            SalesEvents.revenueOf(order, order.storeKind()), 1);
                }
            }
            batch.write(jdbc);
            count += page.size();
            after = page.getLast().orderId();
            rollUp.foldAll();
        }
        int days = booked.take(firstDay, today);
        return new Recomputed(count, days);
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** One page of facts, written in one statement. */
    private static final class Batch {

        private final List<String> keys = new ArrayList<>();
        private final List<String> kinds = new ArrayList<>();
        private final List<Long> orderIds = new ArrayList<>();
        private final List<Date> days = new ArrayList<>();
        private final List<String> segments = new ArrayList<>();
        private final List<String> currencies = new ArrayList<>();
        private final List<Long> buyers = new ArrayList<>();
        private final List<Long> amounts = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();

        void add(String prefix, String kind, OrderFact order, LocalDate day, long amount, int countsAnOrder) {
            keys.add(prefix + order.orderId());
            kinds.add(kind);
            orderIds.add(order.orderId());
            days.add(Date.valueOf(day));
            segments.add(order.storeKind());
            currencies.add(order.currency());
            buyers.add(order.buyerId());
            amounts.add(amount);
            counts.add(countsAnOrder);
        }

        void write(JdbcClient jdbc) {
            jdbc.sql("""
                    INSERT INTO insights.facts (event_key, kind, order_id, day, segment, currency, buyer_id, amount_minor,
                                                orders)
                    SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:kinds AS text[]), CAST(:orders AS bigint[]),
                                         CAST(:days AS date[]), CAST(:segments AS text[]), CAST(:currencies AS text[]),
                                         CAST(:buyers AS bigint[]), CAST(:amounts AS bigint[]),
                                         CAST(:counts AS smallint[]))""")
                    .param("keys", keys.toArray(String[]::new)).param("kinds", kinds.toArray(String[]::new))
                    .param("orders", orderIds.toArray(Long[]::new)).param("days", days.toArray(Date[]::new))
                    .param("segments", segments.toArray(String[]::new))
                    .param("currencies", currencies.toArray(String[]::new))
                    .param("buyers", buyers.toArray(Long[]::new)).param("amounts", amounts.toArray(Long[]::new))
                    .param("counts", counts.toArray(Integer[]::new))
                    .update();
        }
    }
}
