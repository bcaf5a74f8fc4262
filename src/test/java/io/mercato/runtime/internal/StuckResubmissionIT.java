package io.mercato.runtime.internal;

import static io.mercato.runtime.internal.IncompletePublicationsIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoModuleTest;
import io.mercato.runtime.internal.IncompletePublicationsIT.FlakyListener;
import io.mercato.runtime.internal.IncompletePublicationsIT.Happened;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resubmitted delivery that never ran (the listeners' full queue turned it away, see {@link DeferredDeliveries})
 * leaves its publication {@code RESUBMITTED}, a state the resubmission skips. The staleness monitor configured in
 * application.yml marks it failed once it has been resubmitted too long ago, and the resubmission then delivers it.
 * Here the publication is put in that state by hand, as the queue would leave it, its dates two hours back.
 */
@MercatoModuleTest
@Import(FlakyListener.class)
class StuckResubmissionIT {

    @DynamicPropertySource
    static void quickChecks(DynamicPropertyRegistry registry) {
        registry.add("mercato.events.resubmit-every", () -> "500ms");
        // Only publications older than an hour are resubmitted: the fresh failure below is left alone until the
        // test has put it in the state a turned-away resubmission leaves.
        registry.add("mercato.events.resubmit-older-than", () -> "1h");
        registry.add("spring.modulith.events.staleness.check-intervall", () -> "500ms");
    }

    private final IncompletePublications incomplete;
    private final FlakyListener listener;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    StuckResubmissionIT(IncompletePublications incomplete, FlakyListener listener, ApplicationEventPublisher events,
            TransactionTemplate transaction, JdbcClient jdbc) {
        this.incomplete = incomplete;
        this.listener = listener;
        this.events = events;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Test
    void aResubmittedDeliveryThatNeverRanIsDeliveredAgain() {
        transaction.executeWithoutResult(status -> events.publishEvent(new Happened("order 12")));
        await(() -> listener.attempts() >= 1);
        await(() -> incomplete.count() == 1);

        int marked = jdbc.sql("""
                UPDATE event_publication
                SET status = 'RESUBMITTED', publication_date = now() - interval '2 hours',
                    last_resubmission_date = now() - interval '2 hours'
                WHERE completion_date IS NULL AND listener_id LIKE '%FlakyListener%'""").update();
        assertThat(marked).isEqualTo(1);
        listener.succeedFromNowOn();

        await(() -> listener.delivered() == 1 && incomplete.count() == 0);
        assertThat(listener.delivered()).as("delivered after the monitor marked it failed").isEqualTo(1);
        assertThat(incomplete.count()).isZero();
    }
}
