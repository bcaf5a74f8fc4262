package io.mercato.runtime.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Makes up event deliveries that failed or were dropped while the application runs, not only at the next restart,
 * and shows how many are outstanding: the gauge {@code mercato.events.incomplete} and the {@code events} health
 * detail {@code incomplete}. Health stays UP: a backlog is delivered late, not lost.
 *
 * <p>A round sends at most {@code mercato.events.resubmit-batch} publications and never more than the listeners'
 * queue has room for: a backlog of tens of thousands (after a crash, or a spike the queue put off) is worked off a
 * batch a round, rather than sent at once into a queue that would turn most of it away again.
 *
 * <p>Every instance resubmits, so a publication can be delivered twice (once here, once by another instance or by
 * a run still in progress); the listeners are idempotent, as at-least-once delivery requires.
 */
@Component("events")
class IncompletePublications implements MeterBinder, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(IncompletePublications.class);

    private final IncompleteEventPublications publications;
    private final EventDeliveryProperties properties;
    private final JdbcClient jdbc;
    private final ThreadPoolTaskExecutor listeners;
    private final Clock clock;

    IncompletePublications(IncompleteEventPublications publications, EventDeliveryProperties properties,
            JdbcClient jdbc, ThreadPoolTaskExecutor eventListenerExecutor, Clock clock) {
        this.publications = publications;
        this.properties = properties;
        this.jdbc = jdbc;
        this.listeners = eventListenerExecutor;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${mercato.events.resubmit-every:30s}",
            fixedDelayString = "${mercato.events.resubmit-every:30s}")
    void resubmit() {
        // Deliveries still waiting here would be queued a second time behind themselves; let the backlog drain first.
        int queued = listeners.getQueueSize();
        if (queued > 0) {
            log.debug("Not resubmitting: {} deliveries are still queued for the listeners", queued);
            return;
        }
        long outstanding = count();
        if (outstanding == 0) {
            return;
        }
        // The queue is empty here: a round fills it at most.
        int limit = Math.max(1, Math.min(properties.resubmitBatch(), listeners.getQueueCapacity()));
        // The application's clock, as the registry dates publications by it (tests and the simulator move it).
        Instant before = clock.instant().minus(properties.resubmitOlderThan());
        AtomicInteger taken = new AtomicInteger();
        log.info("Resubmitting at most {} of the incomplete event publications older than {} ({} incomplete in all)",
                limit, properties.resubmitOlderThan(), outstanding);
        // The oldest first is not promised by the registry; a batch at a time, the rest wait for the next round.
        publications.resubmitIncompletePublications(
                publication -> publication.getPublicationDate().isBefore(before) && taken.getAndIncrement() < limit);
    }

    /** Publications whose listener has not yet completed, on every instance. */
    long count() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class).single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("mercato.events.incomplete", this, IncompletePublications::count)
                .description("Event publications whose listener has not completed yet")
                .register(registry);
    }

    @Override
    public Health health() {
        return Health.up().withDetail("incomplete", count()).build();
    }
}
