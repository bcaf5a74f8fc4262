package io.mercato.ads.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of {@code ads.campaigns} and {@code ads.campaign_days}. */
@Repository
class Campaigns {

    private static final String COLUMNS = """
            id, seller_account_id, store_id, product_id, category_id, name, currency, daily_budget_minor, target_roi,
            expected_order_value_minor, status, starts_at, ends_at, created_at, updated_at""";

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CampaignRow c) {
        return jdbc.sql("""
                INSERT INTO ads.campaigns (seller_account_id, store_id, product_id, category_id, name, currency,
                    daily_budget_minor, target_roi, expected_order_value_minor, status, starts_at, ends_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.sellerAccountId(), c.storeId(), c.productId(), c.categoryId(), c.name(), c.currency(),
                        c.dailyBudgetMinor(), c.targetRoi(), c.expectedOrderValueMinor(), c.paused() ? "PAUSED" : "ACTIVE",
                        ts(c.startsAt()), ts(c.endsAt()), ts(c.createdAt()), ts(c.updatedAt()))
                .query(Long.class).single();
    }

    void update(CampaignRow c) {
        jdbc.sql("""
                UPDATE ads.campaigns SET name = ?, daily_budget_minor = ?, target_roi = ?, expected_order_value_minor = ?,
                    status = ?, starts_at = ?, ends_at = ?, updated_at = ? WHERE id = ?""")
                .params(c.name(), c.dailyBudgetMinor(), c.targetRoi(), c.expectedOrderValueMinor(),
                        c.paused() ? "PAUSED" : "ACTIVE", ts(c.startsAt()), ts(c.endsAt()), ts(c.updatedAt()), c.id())
                .update();
    }

    Optional<CampaignRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ads.campaigns WHERE id = ?").param(id).query(Campaigns::row).optional();
    }

    /** Locks the campaign's row for an edit, so two edits of one campaign apply one after the other. */
    Optional<CampaignRow> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ads.campaigns WHERE id = ? FOR UPDATE").param(id)
                .query(Campaigns::row).optional();
    }

    List<CampaignRow> ofSeller(@Nullable Long sellerAccountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ads.campaigns WHERE (?::bigint IS NULL OR seller_account_id = ?) ORDER BY id DESC LIMIT 500")
                .params(sellerAccountId, sellerAccountId).query(Campaigns::row).list();
    }

    List<CampaignRow> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ads.campaigns ORDER BY id").query(Campaigns::row).list();
    }

    List<CampaignRow> ofProduct(long productId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ads.campaigns WHERE product_id = ?").param(productId)
                .query(Campaigns::row).list();
    }

    List<CampaignRow> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM ads.campaigns WHERE id = ANY(?)").param(ids.toArray(Long[]::new))
                .query(Campaigns::row).list();
    }

    long spent(long campaignId, LocalDate day) {
        return jdbc.sql("SELECT spent_minor FROM ads.campaign_days WHERE campaign_id = ? AND day = ?")
                .params(campaignId, day).query(Long.class).optional().orElse(0L);
    }

    Map<Long, Long> spent(Collection<Long> campaignIds, LocalDate day) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT campaign_id, spent_minor FROM ads.campaign_days WHERE campaign_id = ANY(?) AND day = ?")
                .params(campaignIds.toArray(Long[]::new), day)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Adds a click's price to the day's spend if the campaign's daily budget still covers it, under the row's lock:
     * however many clicks race, the day's spend never passes the budget.
     *
     * @return whether the budget covered it
     */
    boolean spend(long campaignId, LocalDate day, long priceMinor) {
        jdbc.sql("INSERT INTO ads.campaign_days (campaign_id, day) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(campaignId, day).update();
        return jdbc.sql("""
                UPDATE ads.campaign_days d SET spent_minor = d.spent_minor + :price FROM ads.campaigns c
                WHERE d.campaign_id = :campaign AND d.day = :day AND c.id = d.campaign_id
                  AND d.spent_minor + :price <= c.daily_budget_minor""")
                .param("price", priceMinor).param("campaign", campaignId).param("day", day).update() == 1;
    }

    /** Gives back what {@link #spend} took, when the ad account could not pay for the click after all. */
    void unspend(long campaignId, LocalDate day, long priceMinor) {
        jdbc.sql("UPDATE ads.campaign_days SET spent_minor = spent_minor - ? WHERE campaign_id = ? AND day = ?")
                .params(priceMinor, campaignId, day).update();
    }

    private static CampaignRow row(ResultSet rs, int n) throws SQLException {
        Timestamp ends = rs.getTimestamp(13);
        return new CampaignRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                rs.getString(7).strip(), rs.getLong(8), rs.getBigDecimal(9), rs.getLong(10), "PAUSED".equals(rs.getString(11)),
                rs.getTimestamp(12).toInstant(), ends == null ? null : ends.toInstant(), rs.getTimestamp(14).toInstant(),
                rs.getTimestamp(15).toInstant());
    }

    /** Truncated, not rounded, to PostgreSQL's microseconds: a campaign starting "now" must not start a moment later. */
    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
