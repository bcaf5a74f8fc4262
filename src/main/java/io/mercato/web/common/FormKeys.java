package io.mercato.web.common;

import io.mercato.platform.Actor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time keys for the page forms whose repeat would act twice (top up, withdraw, open a store). Each page
 * puts a fresh key in its form ({@code ${@formKeys.next()}}); the first submission claims it, and a double
 * click or a resubmitted page finds it claimed, so the server does the work once. Keys are kept a day.
 */
@Component("formKeys")
public class FormKeys {

    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    FormKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh key for a form about to be shown. */
    public String next() {
        return UUID.randomUUID().toString();
    }

    /**
     * Claims the form's key for the actor.
     *
     * @return true the first time this key is sent; false for a repeat, or a form without a valid key
     */
    public boolean claim(Actor actor, @Nullable String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return false;
        }
        jdbc.sql("DELETE FROM web.form_keys WHERE used_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT))).update();
        return jdbc.sql("""
                INSERT INTO web.form_keys (account_id, form_key, used_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(actor.accountId(), key.strip(), Timestamp.from(clock.instant())).update() == 1;
    }
}
