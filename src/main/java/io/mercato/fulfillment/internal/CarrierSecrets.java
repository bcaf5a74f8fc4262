package io.mercato.fulfillment.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The carriers' webhook secrets, read once per carrier and kept for a few seconds, so that a burst of events costs
 * no query each. A rotation forgets them here at once; other instances see it within {@link #TTL}.
 */
@Component
class CarrierSecrets {

    static final Duration TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CarrierSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Keys(long carrierId, String code, String secret, @Nullable String previous, @Nullable Instant previousValidUntil) {

        boolean previousValidAt(Instant now) {
            return previous != null && previousValidUntil != null && now.isBefore(previousValidUntil);
        }
    }

    private record Entry(Optional<Keys> keys, long loadedAt) {
    }

    Optional<Keys> of(String code) {
        long now = System.nanoTime();
        Entry entry = cache.get(code);
        if (entry == null || now - entry.loadedAt() > TTL.toNanos()) {
            entry = new Entry(load(code), now);
            if (cache.size() > 1000) {
                cache.clear();
            }
            cache.put(code, entry);
        }
        return entry.keys();
    }

    private Optional<Keys> load(String code) {
        return jdbc.sql("SELECT id, code, secret, previous_secret, previous_valid_until FROM fulfillment.carriers WHERE code = ?")
                .param(code)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(5);
                    return new Keys(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            until == null ? null : until.toInstant());
                }).optional();
    }

    void forget() {
        cache.clear();
    }

}
