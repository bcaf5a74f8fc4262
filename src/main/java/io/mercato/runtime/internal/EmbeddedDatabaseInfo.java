package io.mercato.runtime.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Tells operators (and tools like pgbench) where the embedded PostgreSQL listens. */
@Component
@Conditional(NoExternalDatabaseCondition.class)
final class EmbeddedDatabaseInfo implements InfoContributor {

    private final EmbeddedPostgres postgres;

    EmbeddedDatabaseInfo(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("database", java.util.Map.of("embedded", true, "port", postgres.getPort(),
                "url", postgres.getJdbcUrl("postgres", "postgres")));
    }
}
