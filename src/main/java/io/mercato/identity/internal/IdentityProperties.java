package io.mercato.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login protection, token lifetime and the operator accounts the platform seeds.
 *
 * @param operators operator accounts created at start when missing
 * @param tokenCache how long and how many verified bearer tokens are kept in memory (see {@link VerifiedTokens})
 */
@ConfigurationProperties("mercato.identity")
record IdentityProperties(
        @DefaultValue("7d") Duration tokenLifetime,
        @DefaultValue("15m") Duration loginWindow,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue List<Operator> operators,
        @DefaultValue TokenCache tokenCache) {

    record Operator(String email, String password, @DefaultValue("Operator") String displayName) {
    }

    /**
     * @param ttl the longest a verified token is trusted without asking the database again; zero turns the cache off
     * @param maximumSize the most tokens kept; beyond it the least likely to be used again are dropped
     */
    record TokenCache(@DefaultValue("30s") Duration ttl, @DefaultValue("100000") long maximumSize) {
    }
}
