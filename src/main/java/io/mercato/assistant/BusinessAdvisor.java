package io.mercato.assistant;

import io.mercato.platform.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A merchant's weekly business report written from its own numbers: sales, refunds, ads return and conversion. */
public interface BusinessAdvisor {

    /**
     * The report of the seven days ending with {@code lastDay} (yesterday when null), compared with the seven before.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not a seller
     */
    WeeklyReport weeklyReport(Actor seller, @Nullable LocalDate lastDay, Locale locale);

    /**
     * @param days one row per day of the week, oldest first
     * @param paragraphs the written report, in the reader's language
     * @param adsRoi GMV attributed to ads ÷ ad spend, null when nothing was spent
     */
    record WeeklyReport(LocalDate from, LocalDate to, String currency, List<Day> days, Totals week, Totals previous,
            @Nullable Double adsRoi, long adSpendMinor, long adGmvMinor, List<String> paragraphs) {

        public WeeklyReport {
            days = List.copyOf(days);
            paragraphs = List.copyOf(paragraphs);
        }
    }

    record Day(LocalDate day, long gmvMinor, long refundedMinor, long paidOrders, long buyers) {
    }

    /** @param refundRate refunded ÷ GMV, null when there was no GMV */
    record Totals(long gmvMinor, long refundedMinor, long paidOrders, long buyers, @Nullable Double refundRate,
            @Nullable Long averageOrderMinor) {
    }
}
