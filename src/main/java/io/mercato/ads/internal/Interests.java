package io.mercato.ads.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the home feed's ads are about: the categories a buyer bought from or clicked ads of in the last
 * {@link #RECENT} (only those: padding them with popular categories would let unrelated ads crowd out the buyer's
 * own interests), else (for a new buyer or a visitor) the categories whose ads were clicked most in that time, else
 * the categories of the running campaigns.
 */
@Component
class Interests {

    static final Duration RECENT = Duration.ofDays(30);
    static final int MAX_CATEGORIES = 10;

    private final JdbcClient jdbc;

    Interests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Long> of(@Nullable Long buyerAccountId, Instant now) {
        Timestamp since = Timestamp.from(now.minus(RECENT));
        Set<Long> categories = new LinkedHashSet<>();
        if (buyerAccountId != null) {
            categories.addAll(jdbc.sql("""
                    SELECT category_id FROM ads.buyer_interests WHERE buyer_account_id = ? AND last_at > ?
                    ORDER BY last_at DESC LIMIT ?""").params(buyerAccountId, since, MAX_CATEGORIES).query(Long.class).list());
        }
        if (!categories.isEmpty()) {
            return categories;
        }
        categories.addAll(jdbc.sql("""
                    SELECT c.category_id FROM ads.clicks k JOIN ads.campaigns c ON c.id = k.campaign_id WHERE k.at > ?
                    GROUP BY c.category_id ORDER BY count(*) DESC LIMIT ?""").params(since, MAX_CATEGORIES)
                .query(Long.class).list());
        if (categories.isEmpty()) {
            categories.addAll(jdbc.sql("""
                    SELECT category_id FROM ads.campaigns WHERE status = 'ACTIVE' AND (ends_at IS NULL OR ends_at > ?)
                    GROUP BY category_id ORDER BY max(updated_at) DESC LIMIT ?""")
                    .params(Timestamp.from(now), MAX_CATEGORIES).query(Long.class).list());
        }
        return categories.stream().limit(MAX_CATEGORIES).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    void bought(long buyerAccountId, long categoryId, Instant at) {
        remember(buyerAccountId, categoryId, at);
    }

    /** A buyer clicked an ad of the product: its category is of interest. */
    void clicked(long buyerAccountId, long productId, Instant at) {
        jdbc.sql("""
                INSERT INTO ads.buyer_interests (buyer_account_id, category_id, last_at)
                SELECT ?, category_id, ? FROM ads.campaigns WHERE product_id = ? LIMIT 1
                ON CONFLICT (buyer_account_id, category_id) DO UPDATE SET last_at = greatest(ads.buyer_interests.last_at, excluded.last_at)""")
                .params(buyerAccountId, Timestamp.from(at), productId).update();
    }

    private void remember(long buyerAccountId, long categoryId, Instant at) {
        jdbc.sql("""
                INSERT INTO ads.buyer_interests (buyer_account_id, category_id, last_at) VALUES (?, ?, ?)
                ON CONFLICT (buyer_account_id, category_id) DO UPDATE SET last_at = greatest(ads.buyer_interests.last_at, excluded.last_at)""")
                .params(buyerAccountId, categoryId, Timestamp.from(at)).update();
    }
}
