package io.mercato.ads;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's figures per hour or per day, with the totals.
 *
 * @param rows one per period that had any traffic, oldest first
 */
public record CampaignReport(long campaignId, String currency, Period period, List<Row> rows, Row total) {

    public CampaignReport {
        rows = List.copyOf(rows);
    }

    public enum Period {
        HOUR,
        DAY
    }

    /**
     * @param start the period's first instant
     * @param roi attributed GMV ÷ spend, null while nothing was spent
     */
    public record Row(Instant start, long impressions, long clicks, long spendMinor, long orders, long gmvMinor,
            @Nullable BigDecimal roi) {
    }
}
