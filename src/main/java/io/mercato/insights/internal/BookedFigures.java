package io.mercato.insights.internal;

import io.mercato.ads.AdCampaigns;
import io.mercato.merchant.Stores;
import io.mercato.payment.AccountKind;
import io.mercato.payment.DailyAmount;
import io.mercato.payment.Escrow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures that have no order event: what the ledger booked per day (fees net of fees given back, ad revenue,
 * subsidy spend, membership revenue), the stores opened per day and the merchants charged for sponsored clicks per
 * day. A day's rows are replaced as a whole, so taking
 * a day again gives the same rows. {@link #takeSinceLast} takes every day from the one before the last day taken
 * (whose postings may still have been committing then) to today, so days the timer missed are taken too.
 */
@Component
class BookedFigures {

    /** The ledger kinds taken, by the metric name they are kept under. */
    static final Map<String, AccountKind> LEDGER = Map.of(
            "FEES", AccountKind.FEE_REVENUE,
            "ADS", AccountKind.AD_REVENUE,
            "SUBSIDY", AccountKind.SUBSIDY,
            "MEMBERSHIP", AccountKind.MEMBERSHIP_REVENUE);
    static final String NEW_MERCHANTS = "NEW_MERCHANTS";
    /** Merchants charged for at least one sponsored click on the day (from the ads module). */
    static final String AD_MERCHANTS = "AD_MERCHANTS";

    private final JdbcClient jdbc;
    private final Escrow escrow;
    private final Stores stores;
    private final AdCampaigns ads;
    private final ZoneId zone;

    BookedFigures(JdbcClient jdbc, Escrow escrow, Stores stores, AdCampaigns ads,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.escrow = escrow;
        this.stores = stores;
        this.ads = ads;
        this.zone = ZoneId.of(zone);
    }

    /** Takes the days since the last taking (or yesterday, the first time) through today. */
    @Transactional
    int takeSinceLast(LocalDate today) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insights.daily_booked'))").query().listOfRows();
        LocalDate through = jdbc.sql("SELECT through FROM insights.booked_taken FOR UPDATE").query(LocalDate.class)
                .optional().orElse(today);
        LocalDate from = (through.isAfter(today) ? today : through).minusDays(1);
        return take(from, today);
    }

    /** Replaces the rows of {@code from..to} with what the ledger and the stores say now; answers the days taken. */
    @Transactional
    int take(LocalDate from, LocalDate to) {
        // One taking at a time on every instance: two would each delete and then both add their rows.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('insights.daily_booked'))").query().listOfRows();
        jdbc.sql("DELETE FROM insights.daily_booked WHERE day BETWEEN :from AND :to")
                .param("from", from).param("to", to).update();
        LEDGER.forEach((metric, kind) -> {
            List<DailyAmount> booked = escrow.bookedPerDay(kind, from, to, zone);
            for (DailyAmount amount : booked) {
                // The subsidy account is debited as the platform spends, so the spend is minus what it received.
                long minor = kind == AccountKind.SUBSIDY ? -amount.amount().minor() : amount.amount().minor();
                insert(amount.day(), metric, amount.amount().currencyCode(), minor);
            }
        });
        stores.openedPerDay(from, to, zone).forEach((day, count) -> insert(day, NEW_MERCHANTS, "---", count));
        ads.payingAdvertisersPerDay(from, to, zone).forEach((day, count) -> insert(day, AD_MERCHANTS, "---", count));
        jdbc.sql("""
                INSERT INTO insights.booked_taken (id, through) VALUES (1, :to)
                ON CONFLICT (id) DO UPDATE SET through = greatest(insights.booked_taken.through, EXCLUDED.through)""")
                .param("to", to).update();
        return (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }

    private void insert(LocalDate day, String metric, String currency, long amount) {
        jdbc.sql("""
                INSERT INTO insights.daily_booked (day, metric, currency, amount_minor) VALUES (:day, :metric, :currency, :amount)
                ON CONFLICT (day, metric, currency) DO UPDATE SET amount_minor = insights.daily_booked.amount_minor + EXCLUDED.amount_minor""")
                .param("day", day).param("metric", metric).param("currency", currency).param("amount", amount)
                .update();
    }
}
