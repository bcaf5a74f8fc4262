package io.mercato.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoModuleTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery whose listener fails stays incomplete, is counted in the gauge and the health details, and is
 * delivered again while the application runs, without a restart, until its listener completes.
 */
@MercatoModuleTest
@Import(IncompletePublicationsIT.FlakyListener.class)
class IncompletePublicationsIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void quickResubmission(DynamicPropertyRegistry registry) {
        registry.add("mercato.events.resubmit-every", () -> "500ms");
        registry.add("mercato.events.resubmit-older-than", () -> "500ms");
    }

    private final IncompletePublications incomplete;
    private final FlakyListener listener;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    IncompletePublicationsIT(IncompletePublications incomplete, FlakyListener listener, ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.incomplete = incomplete;
        this.listener = listener;
        this.events = events;
        this.transaction = transaction;
    }

    @Test
    void aFailedDeliveryIsCountedAndDeliveredAgainWhileTheApplicationRuns() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        incomplete.bindTo(meters);

        transaction.executeWithoutResult(status -> events.publishEvent(new Happened("parcel 7")));

        await(() -> listener.attempts() >= 1);
        assertThat(incomplete.count()).as("incomplete while the listener fails").isEqualTo(1);
        assertThat(meters.get("mercato.events.incomplete").gauge().value()).isEqualTo(1.0);
        assertThat(incomplete.health().getStatus()).as("a backlog is late, not down").isEqualTo(Status.UP);
        assertThat(incomplete.health().getDetails()).containsEntry("incomplete", 1L);

        await(() -> listener.attempts() >= 2);
        listener.succeedFromNowOn();
        await(() -> listener.delivered() == 1 && incomplete.count() == 0);

        assertThat(listener.delivered()).as("delivered once the listener works").isEqualTo(1);
        assertThat(incomplete.count()).isZero();
        assertThat(meters.get("mercato.events.incomplete").gauge().value()).isZero();
        assertThat(incomplete.health().getDetails()).containsEntry("incomplete", 0L);
    }

    /** Waits until the condition holds, at most 30 seconds (the caller asserts what it waited for). */
    static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Happened(String what) {
    }

    /** Fails until the test lets it succeed, as a listener does while what it needs is briefly unavailable. */
    static class FlakyListener {

        // Read through methods: the bean is a proxy (the listener is asynchronous), whose own fields are unset.
        private final AtomicBoolean failing = new AtomicBoolean(true);
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger delivered = new AtomicInteger();

        int attempts() {
            return attempts.get();
        }

        int delivered() {
            return delivered.get();
        }

        void succeedFromNowOn() {
            failing.set(false);
        }

        @ApplicationModuleListener
        void on(Happened event) {
            attempts.incrementAndGet();
            if (failing.get()) {
                throw new IllegalStateException("Listener for " + event.what() + " fails on purpose");
            }
            delivered.incrementAndGet();
        }
    }
}
