package io.mercato.runtime.internal;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Tells operators that the platform runs on its embedded PostgreSQL; deliberately not where it listens nor how to
 * log in (the port is in the start-up log, the password in the data directory).
 */
@Component
@Conditional(NoExternalDatabaseCondition.class)
final class EmbeddedDatabaseInfo implements InfoContributor {

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("database", Map.of("embedded", true));
    }
}
