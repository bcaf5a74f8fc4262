package io.mercato.runtime.internal;

import static io.mercato.runtime.internal.IncompletePublicationsIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoModuleTest;
import io.mercato.MutableClock;
import io.mercato.TestClockConfiguration;
import io.mercato.runtime.internal.IncompletePublicationsIT.FlakyListener;
import io.mercato.runtime.internal.IncompletePublicationsIT.Happened;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A backlog of failed deliveries is resubmitted a batch per round ({@code mercato.events.resubmit-batch}), not all at
 * once into the listeners' queue, and "older than" is read on the application's clock, by which the registry dates
 * publications. The timer is set far off; the test runs the rounds itself.
 */
@MercatoModuleTest
@Import({FlakyListener.class, TestClockConfiguration.class})
class BoundedResubmissionIT {

    @DynamicPropertySource
    static void roundsByHand(DynamicPropertyRegistry registry) {
        registry.add("mercato.events.resubmit-every", () -> "1h");
        registry.add("mercato.events.resubmit-older-than", () -> "1h");
        registry.add("mercato.events.resubmit-batch", () -> "2");
    }

    private final IncompletePublications incomplete;
    private final FlakyListener listener;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MutableClock clock;

    BoundedResubmissionIT(IncompletePublications incomplete, FlakyListener listener, ApplicationEventPublisher events,
            TransactionTemplate transaction, MutableClock clock) {
        this.incomplete = incomplete;
        this.listener = listener;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Test
    void aBacklogIsResubmittedABatchARoundOnceOldEnoughByTheApplicationsClock() throws InterruptedException {
        for (int i = 1; i <= 5; i++) {
            String what = "parcel " + i;
            transaction.executeWithoutResult(status -> events.publishEvent(new Happened(what)));
        }
        await(() -> listener.attempts() >= 5 && incomplete.count() == 5);
        listener.succeedFromNowOn();

        incomplete.resubmit();
        Thread.sleep(500);
        assertThat(listener.delivered()).as("nothing is an hour old yet on the application's clock").isZero();
        // Two hours later on the application's clock (a test's or the simulator's; the wall clock has not moved).
        clock.advance(Duration.ofHours(2));

        for (int expected : new int[] {2, 4, 5}) {
            incomplete.resubmit();
            await(() -> listener.delivered() >= expected);
            // Time for a round that sent more than its batch to show it.
            Thread.sleep(500);
            assertThat(listener.delivered()).as("delivered after a round of at most 2").isEqualTo(expected);
            assertThat(incomplete.count()).isEqualTo(5 - expected);
        }
    }
}
