package io.mercato.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.mercato.platform.Actor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bearer tokens verified against the database lately, so a request with a token seen moments ago costs no query.
 * An entry holds the token's actor and expiry, keyed by the token's SHA-256 hash; it is dropped after
 * {@code mercato.identity.token-cache.ttl} or when the token expires, whichever comes first, and the cache holds at
 * most {@code maximum-size} tokens. Unknown, expired and revoked tokens are never kept: a miss asks the database.
 *
 * <p>A revocation is announced in the revoking transaction ({@link #revoked}: {@code pg_notify} on
 * {@value #CHANNEL}, delivered on commit only) and evicted here once that transaction ends; every instance's
 * {@link TokenRevocationListener} evicts it on the notification. The cache is trusted only while that listener is
 * listening: before it is, after its connection fails and until it listens again every request asks the database,
 * so no notification missed meanwhile can keep a revoked token alive.
 */
@Component
class VerifiedTokens {

    /** The PostgreSQL notification channel carrying the hashes of revoked tokens. */
    static final String CHANNEL = "identity_revocations";

    /** What the database said of a token: whose it is and until when it is valid. */
    record Verified(Actor actor, Instant expiresAt) {
    }

    private final @Nullable Cache<String, Verified> cache;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Counts evictions, so a lookup that raced with one does not put back what was just revoked. */
    private final AtomicLong evictions = new AtomicLong();
    private volatile boolean trusted;

    VerifiedTokens(IdentityProperties properties, JdbcClient jdbc, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Duration ttl = properties.tokenCache().ttl();
        if (ttl.isZero() || ttl.isNegative()) {
            this.cache = null;
            return;
        }
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.tokenCache().maximumSize())
                .expireAfter(Expiry.writing((String hash, Verified verified) -> {
                    Duration left = Duration.between(clock.instant(), verified.expiresAt());
                    return left.isNegative() ? Duration.ZERO : left.compareTo(ttl) < 0 ? left : ttl;
                }))
                .recordStats()
                .build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache, "identity.tokens"));
    }

    /** Whether tokens are cached at all ({@code ttl} above zero); when not, there is nothing to listen for. */
    boolean enabled() {
        return cache != null;
    }

    /**
     * The actor of the token with this hash if it is valid now: from the cache while it is trusted, or else from
     * {@code database}, whose answer is then kept.
     */
    Optional<Actor> actor(String tokenHash, Function<String, Optional<Verified>> database) {
        Cache<String, Verified> cache = this.cache;
        if (cache == null) {
            return database.apply(tokenHash).map(Verified::actor);
        }
        if (trusted) {
            Verified cached = cache.getIfPresent(tokenHash);
            if (cached != null) {
                if (cached.expiresAt().isAfter(clock.instant())) {
                    return Optional.of(cached.actor());
                }
                cache.invalidate(tokenHash);
                return Optional.empty();
            }
        }
        long seen = evictions.get();
        Optional<Verified> found = database.apply(tokenHash);
        if (found.isPresent() && trusted) {
            cache.put(tokenHash, found.get());
            // An eviction since the query may have been for this very token, revoked after the query read it.
            if (evictions.get() != seen) {
                cache.invalidate(tokenHash);
            }
        }
        return found.map(Verified::actor);
    }

    /**
     * Announces, within the current transaction, that the token with this hash is revoked: every instance evicts
     * it once the transaction commits, this one as soon as the transaction ends.
     */
    void revoked(String tokenHash) {
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, tokenHash).query().listOfRows();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict(tokenHash);
                }
            });
        } else {
            evict(tokenHash);
        }
    }

    /** Forgets the token with this hash. */
    void evict(String tokenHash) {
        evictions.incrementAndGet();
        if (cache != null) {
            cache.invalidate(tokenHash);
        }
    }

    /** The listener hears revocations again: start afresh, since some may have gone unheard. */
    void trust() {
        clear();
        trusted = true;
    }

    /** The listener no longer hears revocations: forget everything and ask the database until it does again. */
    void distrust() {
        trusted = false;
        clear();
    }

    boolean trusted() {
        return trusted;
    }

    private void clear() {
        evictions.incrementAndGet();
        if (cache != null) {
            cache.invalidateAll();
        }
    }
}
