package io.mercato.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A full listeners' queue puts a delivery off (counted) instead of throwing into the committing thread. */
class DeferredDeliveriesTest {

    @Test
    void deliveriesBeyondTheQueueAreCountedNotThrown() throws InterruptedException {
        DeferredDeliveries deferred = new DeferredDeliveries();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                deferred);
        CountDownLatch release = new CountDownLatch(1);
        try {
            executor.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            executor.execute(() -> { }); // queued
            executor.execute(() -> { }); // put off
            executor.execute(() -> { }); // put off
            assertThat(deferred.deferred()).isEqualTo(2);
            assertThat(executor.getQueue()).hasSize(1);
        } finally {
            release.countDown();
            executor.shutdown();
            assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
