package io.mercato.runtime.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the listeners' executor does with a delivery its full queue cannot take: nothing, but count it. The delivery's
 * publication stays incomplete in the registry and {@link IncompletePublications} makes it up later, exactly as when
 * the rejection was thrown; thrown, it was logged with a stack trace per delivery after every commit (twelve thousand
 * of them in an hour of simulated trade), which cost the busy machine more than the deliveries. One line a minute says
 * how many were put off.
 */
final class DeferredDeliveries implements RejectedExecutionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeferredDeliveries.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_EVERY_NANOS);

    @Override
    public void rejectedExecution(Runnable delivery, ThreadPoolExecutor executor) {
        long total = deferred.incrementAndGet();
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
            log.warn("The event listeners' queue ({} waiting) is full: {} deliveries put off so far, made up from the "
                    + "publication registry later", executor.getQueue().size(), total);
        }
    }

    /** Deliveries put off since start. */
    long deferred() {
        return deferred.get();
    }
}
