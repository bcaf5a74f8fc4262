package io.mercato.ads.internal;

import io.mercato.ads.CampaignReport;
import io.mercato.ads.CampaignReport.Period;
import io.mercato.ads.CampaignReport.Row;
import io.mercato.ads.ClickCharge;
import io.mercato.ads.ClickCharge.Candidate;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A campaign's figures per hour or day, its clicks, and the explanation of each click's price. */
@Component
class AdReports {

    static final int MAX_DAYS = 92;
    static final int MAX_HOURLY_DAYS = 7;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AdDay day;

    AdReports(JdbcClient jdbc, AdDay day) {
        this.jdbc = jdbc;
        this.day = day;
    }

    /** Distinct sellers charged for a click, per day of {@code from..to} in the zone. */
    Map<LocalDate, Long> payingAdvertisersPerDay(LocalDate from, LocalDate to, java.time.ZoneId zone) {
        Map<LocalDate, Long> perDay = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT (k.at AT TIME ZONE :zone)::date AS day, count(DISTINCT c.seller_account_id)
                FROM ads.clicks k JOIN ads.campaigns c ON c.id = k.campaign_id
                WHERE k.outcome = 'CHARGED' AND k.at >= :start AND k.at < :end
                GROUP BY 1""")
                .param("zone", zone.getId())
                .param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        return perDay;
    }

    CampaignReport report(CampaignRow campaign, Period period, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", Text.of("ads.reportSLastDayBefore", to, from));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int limit = period == Period.HOUR ? MAX_HOURLY_DAYS : MAX_DAYS;
        if (days > limit) {
            throw new InvalidInputException("from", Text.of("ads.reportCoversMostDaysGot", (period == Period.HOUR ? "by hour" : "by day"), limit, days));
        }
        String unit = period == Period.HOUR ? "hour" : "day";
        Timestamp start = Timestamp.from(day.start(from));
        Timestamp end = Timestamp.from(day.start(to.plusDays(1)));
        String zone = day.zone().getId();
        List<Row> rows = jdbc.sql("""
                WITH facts AS (
                    SELECT at, 1 AS impressions, 0 AS clicks, 0 AS spend, 0 AS orders, 0 AS gmv
                    FROM ads.impressions WHERE campaign_id = :c AND at >= :start AND at < :end
                    UNION ALL
                    SELECT at, 0, 1, charged_minor, 0, 0 FROM ads.clicks
                    WHERE campaign_id = :c AND at >= :start AND at < :end AND outcome <> 'REPEATED'
                    UNION ALL
                    SELECT at, 0, 0, 0, 1, gmv_minor FROM ads.conversions WHERE campaign_id = :c AND at >= :start AND at < :end)
                SELECT date_trunc(:unit, at AT TIME ZONE :zone) AT TIME ZONE :zone AS bucket, sum(impressions), sum(clicks),
                    sum(spend), sum(orders), sum(gmv)
                FROM facts GROUP BY 1 ORDER BY 1""")
                .param("c", campaign.id()).param("start", start).param("end", end).param("unit", unit).param("zone", zone)
                .query((rs, n) -> row(rs.getTimestamp(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)))
                .list();
        Row total = row(start, rows.stream().mapToLong(Row::impressions).sum(), rows.stream().mapToLong(Row::clicks).sum(),
                rows.stream().mapToLong(Row::spendMinor).sum(), rows.stream().mapToLong(Row::orders).sum(),
                rows.stream().mapToLong(Row::gmvMinor).sum());
        return new CampaignReport(campaign.id(), campaign.currency(), period, rows, total);
    }

    private static Row row(Timestamp start, long impressions, long clicks, long spend, long orders, long gmv) {
        return new Row(start.toInstant(), impressions, clicks, spend, orders, gmv, roi(gmv, spend));
    }

    static @Nullable BigDecimal roi(long gmv, long spend) {
        return spend == 0 ? null : BigDecimal.valueOf(gmv).divide(BigDecimal.valueOf(spend), 2, RoundingMode.HALF_UP);
    }

    private static final String CLICK_COLUMNS = """
            id, auction_id, campaign_id, product_id, position, price_minor, charged_minor, outcome, at""";

    List<ClickCharge> clicks(CampaignRow campaign, int limit) {
        return jdbc.sql("SELECT " + CLICK_COLUMNS + " FROM ads.clicks WHERE campaign_id = ? ORDER BY id DESC LIMIT ?")
                .params(campaign.id(), limit).query((rs, n) -> click(rs, campaign.currency())).list();
    }

    Optional<Long> campaignOfClick(long clickId) {
        return jdbc.sql("SELECT campaign_id FROM ads.clicks WHERE id = ?").param(clickId).query(Long.class).optional();
    }

    ClickCharge.Explanation explain(CampaignRow campaign, long clickId) {
        ClickCharge click = jdbc.sql("SELECT " + CLICK_COLUMNS + " FROM ads.clicks WHERE id = ? AND campaign_id = ?")
                .params(clickId, campaign.id()).query((rs, n) -> click(rs, campaign.currency())).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("ads.clickDoesNotExist", clickId)));
        record Auction(String placement, Timestamp at, long reserve, String ranked) {
        }
        Auction auction = jdbc.sql("SELECT placement, at, reserve_minor, ranked::text FROM ads.auctions WHERE id = ?")
                .param(click.auctionId())
                .query((rs, n) -> new Auction(rs.getString(1), rs.getTimestamp(2), rs.getLong(3), rs.getString(4))).single();
        Map<Long, long[]> won = new HashMap<>();
        jdbc.sql("SELECT campaign_id, position, price_minor FROM ads.impressions WHERE auction_id = ?")
                .param(click.auctionId())
                .query((rs, n) -> won.put(rs.getLong(1), new long[] {rs.getInt(2), rs.getLong(3)})).list();
        List<Candidate> ranked = new ArrayList<>();
        for (JsonNode node : JSON.readTree(auction.ranked())) {
            long id = node.get("campaignId").asLong();
            long[] slot = won.getOrDefault(id, new long[] {0, 0});
            boolean self = id == campaign.id();
            ranked.add(new Candidate(self ? id : 0, self, (int) slot[0], self ? node.get("bidMinor").asLong() : 0,
                    node.get("pctr").asDouble(), node.get("quality").asDouble(), node.get("score").asDouble(), slot[1]));
        }
        return new ClickCharge.Explanation(click, auction.placement(), auction.at().toInstant(), auction.reserve(), ranked);
    }

    private static ClickCharge click(ResultSet rs, String currency) throws SQLException {
        return new ClickCharge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getLong(6),
                rs.getLong(7), currency, rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
