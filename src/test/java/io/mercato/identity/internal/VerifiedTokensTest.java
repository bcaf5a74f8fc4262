package io.mercato.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MutableClock;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class VerifiedTokensTest {

    private static final Actor BUYER = new Actor(7, Role.BUYER);

    private final MutableClock clock = new MutableClock();
    private final Instant start = clock.instant();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void aVerifiedTokenIsAnsweredFromTheCacheOnceTheListenerListens() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(10));
        tokens.trust();

        assertThat(tokens.actor("h", this::valid)).contains(BUYER);
        assertThat(tokens.actor("h", this::valid)).contains(BUYER);

        assertThat(queries).as("database queries").hasValue(1);
        assertThat(meters.get("cache.gets").tags("cache", "identity.tokens", "result", "hit").functionCounter().count())
                .isEqualTo(1);
    }

    @Test
    void nothingIsCachedWhileNoRevocationCanBeHeard() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(10));

        assertThat(tokens.actor("h", this::valid)).contains(BUYER);
        assertThat(tokens.actor("h", hash -> Optional.empty())).as("revoked, unheard").isEmpty();

        tokens.trust();
        tokens.actor("h", this::valid);
        tokens.distrust();
        assertThat(tokens.actor("h", hash -> Optional.empty())).as("revoked after the listener stopped").isEmpty();
    }

    @Test
    void aLookupThatRacedWithARevocationDoesNotKeepTheToken() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(10));
        tokens.trust();

        // The query read the token, then its revocation was heard before the answer was cached.
        assertThat(tokens.actor("h", hash -> {
            Optional<VerifiedTokens.Verified> read = valid(hash);
            tokens.evict(hash);
            return read;
        })).contains(BUYER);

        assertThat(tokens.actor("h", hash -> Optional.empty())).isEmpty();
    }

    @Test
    void unknownTokensAreAskedForEveryTime() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(10));
        tokens.trust();

        assertThat(tokens.actor("new", hash -> Optional.empty())).isEmpty();
        assertThat(tokens.actor("new", this::valid)).as("issued just now").contains(BUYER);
    }

    @Test
    void aCachedTokenIsRefusedFromTheMomentItExpires() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(10));
        tokens.trust();
        tokens.actor("h", this::valid);

        clock.advance(Duration.ofHours(1).minusNanos(1));
        assertThat(tokens.actor("h", this::valid)).contains(BUYER);
        clock.advance(Duration.ofNanos(1));
        assertThat(tokens.actor("h", this::valid)).isEmpty();
        assertThat(queries).as("database queries").hasValue(1);
    }

    @Test
    void aZeroTtlAsksTheDatabaseEveryTime() {
        VerifiedTokens tokens = tokens(Duration.ZERO);
        tokens.trust();

        tokens.actor("h", this::valid);
        tokens.actor("h", this::valid);

        assertThat(tokens.enabled()).isFalse();
        assertThat(queries).as("database queries").hasValue(2);
    }

    /** A token of {@link #BUYER} that expires an hour after the test started. */
    private Optional<VerifiedTokens.Verified> valid(String hash) {
        queries.incrementAndGet();
        return Optional.of(new VerifiedTokens.Verified(BUYER, start.plus(Duration.ofHours(1))));
    }

    private VerifiedTokens tokens(Duration ttl) {
        IdentityProperties properties = new IdentityProperties(Duration.ofDays(7), Duration.ofMinutes(15), 5, 20,
                List.of(), new IdentityProperties.TokenCache(ttl, 1000));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", meters);
        // No revocation is announced here, so no database is needed.
        return new VerifiedTokens(properties, null, clock, beans.getBeanProvider(MeterRegistry.class));
    }
}
