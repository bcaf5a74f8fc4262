package io.mercato.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login protection, token lifetime and the operator accounts the platform seeds.
 *
 * @param operators operator accounts created at start when missing
 */
@ConfigurationProperties("mercato.identity")
record IdentityProperties(
        @DefaultValue("7d") Duration tokenLifetime,
        @DefaultValue("15m") Duration loginWindow,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue List<Operator> operators) {

    record Operator(String email, String password, @DefaultValue("Operator") String displayName) {
    }
}
